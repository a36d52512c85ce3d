import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { forEachDatabase, label, seededContext } from '../../test/helpers/databases';
import type { Actor } from '../core/policy';
import { addParticipant } from '../usecases/add-participant';
import { verifyAuditLog } from '../usecases/audit-log';
import type { OpenStore } from '.';

const secretariat: Actor = { userId: 7, role: 'secretariat', participant: null, functions: [], participantStatus: null, isChair: false, secondFactor: true };

forEachDatabase((db) => {
  describe.skipIf(!!db.unavailable)(`audit log tamper detection on ${label(db)}`, () => {
    let store: OpenStore | undefined;
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });

    async function withFiveEntries() {
      const opened = await seededContext(db);
      store = opened.store;
      for (const code of ['AAA', 'BBB', 'CCC', 'DDD']) await addParticipant(opened.ctx, secretariat, { code, kind: 'state', names: { en: code } });
      expect(await verifyAuditLog(opened.ctx)).toMatchObject({ ok: true, entries: 5 });
      return opened;
    }

    it('names an altered row', async () => {
      const { ctx } = await withFiveEntries();
      await sql`update audit_log set subject = 'participant:ZZZ' where seq = 3`.execute(store!.db);
      expect(await verifyAuditLog(ctx)).toMatchObject({ ok: false, firstBadSeq: 3 });
    });

    it('names a deleted row', async () => {
      const { ctx } = await withFiveEntries();
      await sql`delete from audit_log where seq = 2`.execute(store!.db);
      expect(await verifyAuditLog(ctx)).toMatchObject({ ok: false, firstBadSeq: 2 });
    });

    it('names reordered rows', async () => {
      const { ctx } = await withFiveEntries();
      // Swap the contents of entries 3 and 4 while keeping their sequence numbers.
      await sql`update audit_log set seq = -1 where seq = 3`.execute(store!.db);
      await sql`update audit_log set seq = 3 where seq = 4`.execute(store!.db);
      await sql`update audit_log set seq = 4 where seq = -1`.execute(store!.db);
      expect(await verifyAuditLog(ctx)).toMatchObject({ ok: false, firstBadSeq: 3 });
    });

    it('chains concurrent writers without forking the chain', async () => {
      const { ctx } = await withFiveEntries();
      await Promise.all(['E1', 'E2', 'E3', 'E4', 'E5', 'E6'].map((c) => addParticipant(ctx, secretariat, { code: `Q${c}`, kind: 'organization', names: { en: c } })));
      expect(await verifyAuditLog(ctx)).toMatchObject({ ok: true, entries: 11 });
    });
  });
});
