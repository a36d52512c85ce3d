import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { EventHub } from '../realtime/hub';
import { postgresRelay } from '../store/dialect/postgres-notify';
import { openStore } from '../store';
import type { Context } from '../usecases/context';
import { createAccount, signInAs, startTestApp, type Session } from '../../test/helpers/app';
import { forEachDatabase, label, testDatabases } from '../../test/helpers/databases';
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

const pg = testDatabases().find((d) => d.name === 'postgres')!;
describe.skipIf(!!pg.unavailable)(`live events across two instances on ${label(pg)}`, () => {
  const instances: Array<{ close: () => Promise<void>; base: string; ctx: Context }> = [];
  beforeAll(async () => {
    const { store: first, url } = await pg.open();
    await first.close();
    for (let i = 0; i < 2; i++) {
      const store = openStore({ databaseUrl: url, dataDir: '' });
      await store.migrate();
      const ctx: Context = { store, clock: () => new Date(), publicUrl: 'http://concord.test' };
      if (i === 0) await (await import('../usecases/seed-sample-forum')).seedSampleForum(ctx);
      const relay = postgresRelay(url!);
      await relay.ready;
      const hub = new EventHub((n, after) => store.read.negotiations.eventsAfter(n, after, 500), relay);
      const app = await buildApp({ ctx, version: 'test', logLevel: 'silent', hub });
      await app.listen({ port: 0, host: '127.0.0.1' });
      instances.push({
        ctx,
        base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
        close: async () => {
          await app.close();
          await relay.close();
          await store.close();
        },
      });
    }
  });
  afterAll(async () => {
    for (const i of instances) await i.close();
  });

  it('delivers an act on one instance to a browser connected to the other', async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const sec = await createAccount(a.ctx, { role: 'secretariat', totp: true });
    const kaz = await createAccount(a.ctx, { role: 'delegate', participant: 'KAZ', functions: ['delegate'] });
    const login = async (base: string, acc: typeof sec) => {
      const { totpCode } = await import('../usecases/security');
      const res = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: acc.email, password: acc.password, ...(acc.totpSecret ? { totp: totpCode(acc.totpSecret, new Date()) } : {}) }),
      });
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      return { cookie, headers: { cookie, 'x-csrf-token': (await res.json()).user.csrfToken as string, 'content-type': 'application/json' } };
    };
    const secA = await login(a.base, sec);
    const kazB = await login(b.base, kaz);
    const n = await (await fetch(`${a.base}/api/negotiations`, { method: 'POST', headers: secA.headers, body: JSON.stringify({ title: 'Two instances', bodyCode: 'SOC', provisions: DRAFT }) })).json();

    const onB = await openEventStream(`${b.base}/api/negotiations/${n.id}/events?lastEventId=${n.lastEventId}`, { cookie: kazB.cookie });
    const onA = await openEventStream(`${a.base}/api/negotiations/${n.id}/events?lastEventId=${n.lastEventId}`, { cookie: secA.cookie });
    const res = await fetch(`${b.base}/api/negotiations/${n.id}/proposals`, { method: 'POST', headers: kazB.headers, body: JSON.stringify({ provisionId: n.provisions[1].id, type: 'delete' }) });
    expect(res.status).toBe(201);
    const revision = await fetch(`${a.base}/api/negotiations/${n.id}/revisions`, { method: 'POST', headers: { cookie: secA.cookie, 'x-csrf-token': secA.headers['x-csrf-token'] } });
    expect(revision.status).toBe(201);
    for (const stream of [onA, onB]) {
      await stream.waitFor((e) => e.event === 'revision.issued');
      expect(stream.events.map((e) => e.event)).toEqual(['proposal.submitted', 'revision.issued']);
    }
    await onA.close();
    await onB.close();
  });
});
