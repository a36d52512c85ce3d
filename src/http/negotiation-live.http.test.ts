import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs, startTestApp, type Session } from '../../test/helpers/app';
import { forEachDatabase, label } from '../../test/helpers/databases';
import { openEventStream } from '../../test/helpers/sse';

const DRAFT = [
  { kind: 'op', text: 'We agree to hold regular consultations on security matters.' },
  { kind: 'op', text: 'We decide to meet again in 2030.' },
];

forEachDatabase((db) => {
  describe.skipIf(!!db.unavailable)(`live negotiation events on ${label(db)}`, () => {
    let t: Awaited<ReturnType<typeof startTestApp>>;
    let base: string;
    let sec: Session;
    let kaz: Session;
    let chn: Session;
    beforeAll(async () => {
      t = await startTestApp(db);
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      sec = await signInAs(t.app, t.ctx, await createAccount(t.ctx, { role: 'secretariat', totp: true }));
      kaz = await signInAs(t.app, t.ctx, await createAccount(t.ctx, { role: 'delegate', participant: 'KAZ', functions: ['delegate'] }));
      chn = await signInAs(t.app, t.ctx, await createAccount(t.ctx, { role: 'delegate', participant: 'CHN', functions: ['delegate'] }));
    });
    afterAll(() => t?.close());

    it('streams proposals and support to everyone watching, and replays what a reconnecting client missed', async () => {
      const n = (await t.app.inject({ method: 'POST', url: '/api/negotiations', headers: sec.headers, payload: { title: 'Live', bodyCode: 'SOC', provisions: DRAFT } })).json();
      const watcher = await openEventStream(`${base}/api/negotiations/${n.id}/events?lastEventId=${n.lastEventId}`, { cookie: chn.cookie });
      expect(watcher.contentType).toContain('text/event-stream');

      const proposal = (await t.app.inject({ method: 'POST', url: `/api/negotiations/${n.id}/proposals`, headers: kaz.headers, payload: { provisionId: n.provisions[0].id, type: 'amend', range: { start: 5, end: 6 }, text: 'annual' } })).json();
      const submitted = await watcher.waitFor((e) => e.event === 'proposal.submitted');
      expect(submitted.data.payload).toMatchObject({ proposalId: proposal.id, author: 'KAZ', type: 'amend' });

      await t.app.inject({ method: 'POST', url: `/api/proposals/${proposal.id}/support`, headers: chn.headers });
      const position = await watcher.waitFor((e) => e.event === 'proposal.position');
      expect(position.data.payload).toMatchObject({ proposalId: proposal.id, participant: 'CHN', position: 'support' });
      await watcher.close();

      // While this client is away, the facilitator acts twice; on reconnecting with Last-Event-ID it gets both, in order.
      await t.app.inject({ method: 'POST', url: `/api/proposals/${proposal.id}/resolve`, headers: sec.headers, payload: { outcome: 'accepted' } });
      await t.app.inject({ method: 'POST', url: `/api/negotiations/${n.id}/revisions`, headers: sec.headers });
      const back = await openEventStream(`${base}/api/negotiations/${n.id}/events`, { cookie: chn.cookie, 'last-event-id': String(position.id) });
      await back.waitFor((e) => e.event === 'revision.issued');
      expect(back.events.map((e) => e.event)).toEqual(['proposal.resolved', 'revision.issued']);
      expect(back.events[0]!.id).toBeGreaterThan(position.id);
      await back.close();
    });

    it('accepts a bearer token and refuses readers who may not see the text', async () => {
      const n = (await t.app.inject({ method: 'POST', url: '/api/negotiations', headers: sec.headers, payload: { title: 'Closed', bodyCode: 'SOC', provisions: DRAFT } })).json();
      const token = (await t.app.inject({ method: 'POST', url: '/api/me/tokens', headers: sec.headers, payload: { label: 'feed' } })).json().token;
      const stream = await openEventStream(`${base}/api/negotiations/${n.id}/events`, { authorization: `Bearer ${token}` });
      await t.app.inject({ method: 'POST', url: `/api/negotiations/${n.id}/revisions`, headers: sec.headers });
      expect((await stream.waitFor((e) => e.event === 'revision.issued')).data.payload).toMatchObject({ number: 1 });
      await stream.close();

      const anonymous = await fetch(`${base}/api/negotiations/${n.id}/events`);
      expect(anonymous.status).toBe(401);
      const observer = await signInAs(t.app, t.ctx, await createAccount(t.ctx, { role: 'delegate', participant: 'JPN', functions: ['delegate'] }));
      const refused = await fetch(`${base}/api/negotiations/${n.id}/events`, { headers: { cookie: observer.cookie } });
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.code).toBe('forbidden');
    });
  });
});
