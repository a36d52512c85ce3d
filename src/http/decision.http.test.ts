import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB_HANDLERS } from '../jobs/worker';
import { runDueJobs } from '../jobs/queue';
import { issueApiToken } from '../usecases/api-tokens';
import { createAccount, startTestApp } from '../../test/helpers/app';
import { forEachDatabase, label } from '../../test/helpers/databases';

const HOUR = 3_600_000;

forEachDatabase((db) => {
  describe.skipIf(!!db.unavailable)(`decisions by consensus on ${label(db)}`, () => {
    let t: Awaited<ReturnType<typeof startTestApp>>;
    // Days pass in these tests, longer than a session lasts: act through API tokens, as integrations do.
    const as: Record<string, Record<string, string>> = {};
    const tokenFor = async (account: { id: number }) => ({ authorization: `Bearer ${(await issueApiToken(t.ctx, null, { userId: account.id, label: 'test' }, 'cli')).token}` });
    beforeAll(async () => {
      t = await startTestApp(db);
      as.sec = await tokenFor(await createAccount(t.ctx, { role: 'secretariat', totp: true }));
      for (const code of ['IND', 'KAZ', 'CHN', 'JPN']) as[code] = await tokenFor(await createAccount(t.ctx, { role: 'delegate', participant: code, functions: ['head'], totp: true }));
      as.TUR = await tokenFor(await createAccount(t.ctx, { role: 'delegate', participant: 'TUR', functions: ['delegate'] }));
    });
    afterAll(() => t?.close());

    const post = (who: string, url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: as[who]!, ...(payload ? { payload } : {}) });
    const get = (who: string, url: string) => t.app.inject({ url, headers: as[who]! });
    const deadlineIn = (ms: number) => new Date(t.clock.now.getTime() + ms).toISOString();
    const silence = (title: string, subject: object = { type: 'text', text: title }, ms = 48 * HOUR) =>
      post('sec', '/api/decisions', { bodyCode: 'SOC', title, subject, mode: 'silence', deadline: deadlineIn(ms) });

    it('adopts a silence procedure at its deadline, effective at the deadline itself', async () => {
      const launched = await silence('Approval of the 2027 plan of CBM events');
      expect(launched.statusCode).toBe(201);
      const d = launched.json();
      expect(d).toMatchObject({ status: 'open', mode: 'silence', silenceBroken: false });
      expect((await post('KAZ', '/api/decisions', { bodyCode: 'SOC', title: 'x', subject: { type: 'text', text: 'x' }, mode: 'meeting' })).statusCode).toBe(403);

      // The heads of delegation are told, with the deadline as a calendar attachment.
      const mail = await t.store.read.outbox.list(50);
      const launchMail = mail.find((m) => m.subject === 'Silence procedure launched: Approval of the 2027 plan of CBM events');
      expect(launchMail?.attachments?.[0]?.content).toContain(`DTSTART:${d.deadline.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
      const inbox = (await get('IND', '/api/me/inbox')).json();
      expect(inbox[0]).toMatchObject({ kind: 'decision.launched', link: `/decisions/${d.id}`, readAt: null });
      expect((await post('IND', '/api/me/inbox/read')).json().marked).toBe(inbox.length);
      expect(((await get('IND', '/api/me/inbox')).json() as Array<{ readAt: string | null }>).every((n) => n.readAt !== null)).toBe(true);

      t.clock.advance(47 * HOUR);
      await runDueJobs(t.ctx, JOB_HANDLERS);
      expect((await get('IND', `/api/decisions/${d.id}`)).json().status).toBe('open');
      // 24 hours before the deadline, everyone was reminded.
      expect((await t.store.read.outbox.list(100)).filter((m) => m.subject === 'Reminder: silence procedure ends in 24 hours: Approval of the 2027 plan of CBM events').length).toBeGreaterThan(0);
      t.clock.advance(1 * HOUR + 5_000);
      await runDueJobs(t.ctx, JOB_HANDLERS);
      const after = (await get('IND', `/api/decisions/${d.id}`)).json();
      expect(after).toMatchObject({ status: 'adopted', adoptedAt: d.deadline, brokenBy: [] });
      expect((await t.store.read.outbox.list(100)).some((m) => m.subject === 'Decision adopted: Approval of the 2027 plan of CBM events')).toBe(true);
    });

    it('is broken by a member, and refuses observers, non-heads and late objections with the right codes', async () => {
      const d = (await silence('Statement on the anniversary')).json();
      const observer = await post('JPN', `/api/decisions/${d.id}/objections`, { reason: 'We object.' });
      expect(observer.statusCode).toBe(403);
      expect(observer.json().error.code).toBe('observer_cannot_object');
      const delegate = await post('TUR', `/api/decisions/${d.id}/objections`, { reason: 'We object.' });
      expect(delegate.statusCode).toBe(403);
      const noReason = await post('IND', `/api/decisions/${d.id}/objections`, { reason: '  ' });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().error.code).toBe('reason_required');
      const broken = await post('IND', `/api/decisions/${d.id}/objections`, { reason: 'The text does not reflect the agreed language on paragraph 3.' });
      expect(broken.statusCode).toBe(201);
      expect(broken.json()).toMatchObject({ status: 'open', silenceBroken: true, brokenBy: ['IND'] });

      t.clock.advance(48 * HOUR + 1_000);
      const late = await post('KAZ', `/api/decisions/${d.id}/objections`, { reason: 'Late.' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('deadline_passed');
      expect(late.json().error.message).toContain(d.deadline);
      await runDueJobs(t.ctx, JOB_HANDLERS);
      const final = (await get('KAZ', `/api/decisions/${d.id}`)).json();
      expect(final).toMatchObject({ status: 'not_adopted', brokenBy: ['IND'], adoptedAt: null });
      expect(final.objections).toEqual([expect.objectContaining({ participant: 'IND', reason: 'The text does not reflect the agreed language on paragraph 3.', counts: true })]);
      expect(final.trail.map((e: { action: string }) => e.action)).toEqual(['decision.launch', 'decision.objection', 'decision.conclude']);
      expect(final.trail[1]).toMatchObject({ participant: 'IND' });
    });

    it('lets the chair extend a deadline before it passes, and not after', async () => {
      const d = (await silence('Extension test', undefined, 2 * HOUR)).json();
      const later = deadlineIn(26 * HOUR);
      const extended = await post('sec', `/api/decisions/${d.id}/extend`, { deadline: later });
      expect(extended.statusCode).toBe(200);
      expect(extended.json()).toMatchObject({ deadline: later, originalDeadline: d.deadline });
      t.clock.advance(3 * HOUR);
      // The job for the old deadline finds it moved and does nothing.
      await runDueJobs(t.ctx, JOB_HANDLERS);
      expect((await get('KAZ', `/api/decisions/${d.id}`)).json().status).toBe('open');
      t.clock.advance(24 * HOUR);
      await runDueJobs(t.ctx, JOB_HANDLERS);
      expect((await get('KAZ', `/api/decisions/${d.id}`)).json()).toMatchObject({ status: 'adopted', adoptedAt: later });
      expect((await post('sec', `/api/decisions/${d.id}/extend`, { deadline: deadlineIn(30 * HOUR) })).statusCode).toBe(409);

      // A withdrawn procedure never concludes, whatever its jobs find.
      const w = (await silence('To be withdrawn', undefined, 2 * HOUR)).json();
      expect((await post('KAZ', `/api/decisions/${w.id}/withdraw`)).statusCode).toBe(403);
      expect((await post('sec', `/api/decisions/${w.id}/withdraw`)).json()).toMatchObject({ status: 'withdrawn', adoptedAt: null });
      t.clock.advance(3 * HOUR);
      await runDueJobs(t.ctx, JOB_HANDLERS);
      expect((await get('KAZ', `/api/decisions/${w.id}`)).json().status).toBe('withdrawn');
      expect((await post('sec', `/api/decisions/${w.id}/withdraw`)).statusCode).toBe(409);
    });

    it('passes a recommendation up the chain of bodies, visible on both decisions', async () => {
      const swg = (await post('sec', '/api/decisions', { bodyCode: 'SWG', title: 'Draft Rules of Procedure', subject: { type: 'recommendation', toBody: 'SOC', recommended: { type: 'text', text: 'The Rules of Procedure as revised.' } }, mode: 'meeting' })).json();
      const adopted = (await post('sec', `/api/decisions/${swg.id}/conclude`)).json();
      expect(adopted.status).toBe('adopted');
      expect(adopted.chain.recommends).toEqual([expect.objectContaining({ bodyCode: 'SOC', status: 'open' })]);
      const atSoc = (await get('KAZ', `/api/decisions/${adopted.chain.recommends[0].id}`)).json();
      expect(atSoc).toMatchObject({ bodyCode: 'SOC', title: 'Draft Rules of Procedure', subject: { type: 'text' }, chain: { recommendedBy: swg.id } });
    });

    it('admits a state as a member from the adoption date', async () => {
      const added = await post('sec', '/api/participants', { code: 'NZL', kind: 'state', name: 'New Zealand' });
      expect(added.statusCode).toBe(201);
      const pending = (await silence('Procedure opened before the admission')).json();
      const d = (await post('sec', '/api/decisions', { bodyCode: 'SUMMIT', title: 'Admission of New Zealand', subject: { type: 'admission', participant: 'NZL', status: 'member' }, mode: 'meeting' })).json();
      const concluded = await post('sec', `/api/decisions/${d.id}/conclude`);
      expect(concluded.json()).toMatchObject({ status: 'adopted' });
      const on = (await t.app.inject('/api/forum')).json().today;
      const members = (await t.app.inject(`/api/participants?at=${on}&status=member`)).json().participants.map((p: { code: string }) => p.code);
      expect(members).toContain('NZL');
      const nzl = (await t.app.inject('/api/participants/NZL')).json();
      expect(nzl.statuses[0]).toMatchObject({ status: 'member', from: on, reference: `Decision ${d.id}: Admission of New Zealand` });
      // A member since today, but not among the members when the earlier procedure opened: it may not break that silence.
      as.NZL = await tokenFor(await createAccount(t.ctx, { role: 'delegate', participant: 'NZL', functions: ['head'], totp: true }));
      const refused = await post('NZL', `/api/decisions/${pending.id}/objections`, { reason: 'We were not consulted.' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('not_member_on_opening');
    });

    it('adopts a clean negotiation revision into a document with a symbol, and an in-meeting decision with a statement', async () => {
      const n = (await post('sec', '/api/negotiations', { title: 'Declaration on dialogue', bodyCode: 'SUMMIT', provisions: [{ kind: 'op', text: 'We commit to dialogue.' }] })).json();
      await post('sec', `/api/negotiations/${n.id}/revisions`);
      const notClean = await post('sec', '/api/decisions', { bodyCode: 'SUMMIT', title: 'Adoption', subject: { type: 'negotiation', negotiationId: n.id, revision: 1 }, mode: 'meeting' });
      expect(notClean.statusCode).toBe(409);
      expect(notClean.json().error.code).toBe('revision_not_clean');
      await post('sec', `/api/negotiations/${n.id}/provisions/${n.provisions[0].id}/status`, { status: 'agreed' });
      const rev = (await post('sec', `/api/negotiations/${n.id}/revisions`)).json();
      const d = (await post('sec', '/api/decisions', { bodyCode: 'SUMMIT', title: 'Adoption of the Declaration on dialogue', subject: { type: 'negotiation', negotiationId: n.id, revision: rev.number }, mode: 'meeting' })).json();
      expect(d.subject.contentHash).toBe(rev.contentHash);
      const statement = await post('KAZ', `/api/decisions/${d.id}/statements`, { kind: 'reservation', text: 'Kazakhstan joins consensus with a reservation on the reference to dialogue.' });
      expect(statement.statusCode).toBe(201);
      const room = await post('sec', `/api/decisions/${d.id}/room-objections`, { participant: 'JPN' });
      expect(room.statusCode).toBe(403);
      const done = (await post('sec', `/api/decisions/${d.id}/conclude`)).json();
      expect(done).toMatchObject({ status: 'adopted', statements: [expect.objectContaining({ participant: 'KAZ', kind: 'reservation' })] });
      const year = (await t.app.inject('/api/forum')).json().today.slice(0, 4);
      expect(done.documents).toEqual([expect.objectContaining({ symbol: `CICA/SUMMIT/${year}/1`, contentHash: rev.contentHash })]);

      const objected = (await post('sec', '/api/decisions', { bodyCode: 'SOC', title: 'Budget', subject: { type: 'text', text: 'Budget 2027' }, mode: 'meeting' })).json();
      await post('sec', `/api/decisions/${objected.id}/room-objections`, { participant: 'IND', reason: 'Needs more time.' });
      expect((await post('sec', `/api/decisions/${objected.id}/conclude`)).json()).toMatchObject({ status: 'not_adopted', brokenBy: ['IND'] });
      const audit = (await get('sec', '/api/audit?limit=200')).json().map((e: { action: string }) => e.action);
      for (const a of ['decision.launch', 'decision.objection', 'decision.statement', 'decision.room_objection', 'decision.conclude', 'decision.extend']) expect(audit).toContain(a);
      expect((await get('sec', '/api/audit/verify')).json()).toMatchObject({ ok: true });
    });
  });
});
