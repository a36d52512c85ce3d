import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app';
import type { DelegationFunction, Role } from '../../src/core/policy';
import { createUser } from '../../src/usecases/create-user';
import type { Context } from '../../src/usecases/context';
import { newTotpSecret, totpCode } from '../../src/usecases/security';
import { seededContext, type TestDatabase } from './databases';

export async function startTestApp(db: TestDatabase, opts: { webDist?: string } = {}) {
  const opened = await seededContext(db);
  const app = await buildApp({ ctx: opened.ctx, version: 'test', logLevel: 'silent', webDist: opts.webDist });
  await app.ready();
  return {
    ...opened,
    app,
    async close() {
      await app.close();
      await opened.store.close();
    },
  };
}

let n = 0;
export interface Account {
  id: number;
  email: string;
  password: string;
  totpSecret: string | null;
}

/** An account as the CLI would create it, optionally with an authenticator app already set up. */
export async function createAccount(
  ctx: Context,
  shape: { role: Role; participant?: string; functions?: DelegationFunction[]; totp?: boolean },
): Promise<Account> {
  const email = `${shape.role}${++n}@example.org`;
  const password = 'a sufficiently long password';
  const { id } = await createUser(ctx, null, { email, name: `Test ${shape.role} ${n}`, role: shape.role, participant: shape.participant ?? null, functions: shape.functions, password }, 'cli');
  let totpSecret: string | null = null;
  if (shape.totp) {
    totpSecret = newTotpSecret();
    await ctx.store.read.users.setTotp(id, totpSecret, ctx.clock().toISOString());
  }
  return { id, email, password, totpSecret };
}

export interface Session {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

export async function signInAs(app: FastifyInstance, ctx: Context, account: Account): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: account.email, password: account.password, ...(account.totpSecret ? { totp: totpCode(account.totpSecret, ctx.clock()) } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie[0]! : setCookie!).split(';')[0]!;
  const csrf = (res.json() as { user: { csrfToken: string } }).user.csrfToken;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/**
 * The built web app and the API on a real port, for browser tests. It runs on the real clock:
 * sessions, TOTP codes and deadlines are stamped at the moment the browser acts.
 */
export async function startBrowserApp() {
  const { WEB_DIST } = await import('../../src/main');
  const { testDatabases } = await import('./databases');
  const t = await startTestApp(testDatabases()[0]!, { webDist: WEB_DIST });
  Object.defineProperty(t.clock, 'now', { get: () => new Date(), set: () => {} });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address() as import('node:net').AddressInfo;
  return { ...t, base: `http://127.0.0.1:${address.port}` };
}
