import { afterEach, describe, expect, it } from 'vitest';
import { forEachDatabase, label, seededContext } from '../../test/helpers/databases';
import { listParticipants, getParticipant, getForum, listBodies } from '../usecases/registry-queries';
import { recordStatusChange } from '../usecases/record-status-change';
import { recordChairmanship } from '../usecases/record-chairmanship';
import { addParticipant } from '../usecases/add-participant';
import { verifyAuditLog } from '../usecases/audit-log';
import type { Actor } from '../core/policy';
import type { OpenStore } from '.';

const secretariat: Actor = { userId: 1, role: 'secretariat', participant: null, functions: [], participantStatus: null, isChair: false, secondFactor: true };

forEachDatabase((db) => {
  describe.skipIf(!!db.unavailable)(`registry store on ${label(db)}`, () => {
    let store: OpenStore | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });
    const open = async () => {
      const opened = await seededContext(db);
      store = opened.store;
      return opened;
    };

    it('knows the members of the sample forum at any date', async () => {
      const { ctx } = await open();
      const on = async (at: string, status: 'member' | 'observer' = 'member') => (await listParticipants(ctx, { at, status, lang: 'en' })).participants.map((p) => p.code);
      const summit2006 = await on('2006-06-17');
      expect(summit2006).toHaveLength(18);
      expect(summit2006).toEqual(expect.arrayContaining(['THA', 'KOR', 'MNG', 'PSE']));
      const early2004 = await on('2004-01-01');
      expect(early2004).toHaveLength(16);
      expect(early2004).not.toContain('THA');
      const end2022 = await on('2022-12-31');
      expect(end2022).toHaveLength(28);
      expect(end2022).toContain('KWT');
      const observers2006 = await on('2006-06-17', 'observer');
      expect(observers2006).toEqual(expect.arrayContaining(['UN', 'OSCE', 'LAS', 'USA', 'JPN']));
      expect(observers2006).not.toContain('KOR');
    });

    it('names participants in the reader’s language and keeps their history', async () => {
      const { ctx } = await open();
      const ru = await listParticipants(ctx, { at: '2006-06-17', status: 'member', lang: 'ru' });
      expect(ru.participants.map((p) => p.name)).toContain('Республика Корея');
      const kor = await getParticipant(ctx, 'KOR', 'fr');
      expect(kor.name).toBe('République de Corée');
      expect(kor.statuses.map((s) => [s.status, s.from, s.to])).toEqual([
        ['observer', '2002-06-04', '2006-06-17'],
        ['member', '2006-06-17', null],
      ]);
    });

    it('knows the chair today and when bodies are next due', async () => {
      const { ctx } = await open();
      const forum = await getForum(ctx, 'en');
      expect(forum.chair?.participant).toBe('AZE');
      expect(forum.timeZone).toBe('Asia/Almaty');
      const bodies = await listBodies(ctx, 'en');
      expect(bodies.map((b) => b.code)).toEqual(['SUMMIT', 'MINISTERIAL', 'SOC', 'SWG', 'SECRETARIAT']);
      expect(bodies.find((b) => b.code === 'SUMMIT')).toMatchObject({ lastMeeting: '2022-10-12', nextDue: '2026-10-12' });
    });

    it('records a status change, closing the previous period, and audits it', async () => {
      const { ctx } = await open();
      await recordStatusChange(ctx, secretariat, 'IDN', { status: 'member', from: '2026-06-01', reference: 'Decision SUMMIT/2026/3' });
      const idn = await getParticipant(ctx, 'IDN', 'en');
      expect(idn.statuses.at(-2)).toMatchObject({ status: 'observer', to: '2026-06-01' });
      expect(idn.statuses.at(-1)).toMatchObject({ status: 'member', from: '2026-06-01', to: null, reference: 'Decision SUMMIT/2026/3' });
      expect((await listParticipants(ctx, { at: '2026-06-01', status: 'member', lang: 'en' })).participants).toHaveLength(29);
      await expect(recordStatusChange(ctx, secretariat, 'IDN', { status: 'observer', from: '2020-01-01' })).rejects.toMatchObject({ kind: 'conflict' });
      const audit = await store!.read.audit.page({ limit: 1 });
      expect(audit[0]).toMatchObject({ action: 'participant.status', subject: 'participant:IDN', actorUserId: 1 });
      expect(await verifyAuditLog(ctx)).toMatchObject({ ok: true });
    });

    it('adds a participant and a chairmanship term, ending the chair in office', async () => {
      const { ctx } = await open();
      await addParticipant(ctx, secretariat, { code: 'nzl', kind: 'state', names: { en: 'New Zealand' }, status: { status: 'observer', from: '2026-11-01' } });
      expect((await getParticipant(ctx, 'NZL', 'en')).status).toBe('observer');
      await expect(addParticipant(ctx, secretariat, { code: 'NZL', kind: 'state', names: { en: 'Again' } })).rejects.toMatchObject({ code: 'participant_exists' });
      await recordChairmanship(ctx, secretariat, { participant: 'KAZ', from: '2026-12-01', to: '2028-12-01' });
      const terms = await store!.read.registry.chairTerms();
      expect(terms.find((t) => t.participant === 'AZE')?.to).toBe('2026-12-01');
      expect(terms.at(-1)).toMatchObject({ participant: 'KAZ', from: '2026-12-01' });
    });

    it('rolls back the whole change when any part fails', async () => {
      const { ctx } = await open();
      const before = (await store!.read.audit.all()).length;
      await expect(recordChairmanship(ctx, secretariat, { participant: 'XXX', from: '2026-12-01' })).rejects.toMatchObject({ kind: 'not_found' });
      await expect(addParticipant(ctx, secretariat, { code: 'BAD1', kind: 'state', names: { en: 'x' } })).rejects.toMatchObject({ kind: 'invalid' });
      expect((await store!.read.audit.all()).length).toBe(before);
    });
  });
});

forEachDatabase((db) => {
  describe.skipIf(!!db.unavailable)(`sample negotiation on ${label(db)}`, () => {
    it('starts a new installation with a labelled fictional negotiation in progress', async () => {
      const { ctx, store } = await seededContext(db);
      try {
        const [n] = await store.read.negotiations.list();
        expect(n!.title).toMatch(/fictional sample/i);
        expect(n!.note).toMatch(/FICTIONAL/);
        const provisions = await store.read.negotiations.provisions(n!.id);
        const proposals = await store.read.negotiations.proposals(n!.id);
        expect(provisions.filter((p) => p.kind === 'heading').length).toBeGreaterThanOrEqual(3);
        expect(provisions.some((p) => p.status === 'agreed_ad_ref')).toBe(true);
        expect(new Set(proposals.map((p) => p.author)).size).toBeGreaterThanOrEqual(4);
        expect(proposals.every((p) => p.state === 'open' && p.applies)).toBe(true);
        expect(ctx.store.dialect).toBe(db.name);
      } finally {
        await store.close();
      }
    });
  });
});
