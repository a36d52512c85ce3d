import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app';
import { EventHub } from '../../src/realtime/hub';
import { postgresRelay } from '../../src/store/dialect/postgres-notify';
import { openStore } from '../../src/store';
import type { Context } from '../../src/usecases/context';
import { seedSampleForum } from '../../src/usecases/seed-sample-forum';
import { totpCode } from '../../src/usecases/security';
import { createAccount } from '../helpers/app';
import { label, testDatabases } from '../helpers/databases';
import { openEventStream } from '../helpers/sse';

const DRAFT = [
  { kind: 'op', text: 'We agree to hold regular consultations on security matters.' },
  { kind: 'op', text: 'We decide to meet again in 2030.' },
];

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
      if (i === 0) await seedSampleForum(ctx);
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
