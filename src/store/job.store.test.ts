import { afterEach, describe, expect, it } from 'vitest';
import { forEachDatabase, label } from '../../test/helpers/databases';
import type { OpenStore } from '.';

forEachDatabase((db) => {
  describe.skipIf(!!db.unavailable)(`durable job queue on ${label(db)}`, () => {
    let store: OpenStore | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    it('keeps one job per key, hands out only due jobs, and gives an expired lease to another worker', async () => {
      store = (await db.open()).store;
      const jobs = store.read.jobs;
      expect(await jobs.enqueue({ key: 'decision:1:conclude:2026-12-01T10:00:00.000Z', kind: 'decision.conclude', runAt: '2026-12-01T10:00:00.000Z', payload: { decisionId: 1 } })).toBe(true);
      expect(await jobs.enqueue({ key: 'decision:1:conclude:2026-12-01T10:00:00.000Z', kind: 'decision.conclude', runAt: '2026-12-01T10:00:00.000Z', payload: { decisionId: 1 } })).toBe(false);
      await jobs.enqueue({ key: 'later', kind: 'x', runAt: '2026-12-02T00:00:00.000Z', payload: null });

      expect(await jobs.claimDue('2026-12-01T09:59:59.999Z', 10, 60_000)).toEqual([]);
      const [claimed, ...rest] = await jobs.claimDue('2026-12-01T10:00:00.000Z', 10, 60_000);
      expect(rest).toEqual([]);
      expect(claimed).toMatchObject({ kind: 'decision.conclude', payload: { decisionId: 1 }, attempts: 1 });
      // Leased: nobody else gets it within the minute…
      expect(await jobs.claimDue('2026-12-01T10:00:30.000Z', 10, 60_000)).toEqual([]);
      // …but a worker that died frees it when the lease runs out.
      const again = await jobs.claimDue('2026-12-01T10:01:01.000Z', 10, 60_000);
      expect(again.map((j) => [j.id, j.attempts])).toEqual([[claimed!.id, 2]]);
      await jobs.complete(claimed!.id, '2026-12-01T10:01:02.000Z');
      expect(await jobs.claimDue('2026-12-03T00:00:00.000Z', 10, 60_000)).toHaveLength(1);
      expect((await jobs.pending()).map((j) => j.key)).toEqual(['later']);
    });

    it('never gives the same job to two workers claiming at the same moment', async () => {
      const opened = await db.open();
      store = opened.store;
      for (let i = 0; i < 40; i++) await store.read.jobs.enqueue({ key: `k${i}`, kind: 'x', runAt: '2026-01-01T00:00:00.000Z', payload: i });
      const claims = await Promise.all(Array.from({ length: 8 }, () => store!.read.jobs.claimDue('2026-01-02T00:00:00.000Z', 7, 60_000)));
      const ids = claims.flat().map((j) => j.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(40);
    });
  });
});
