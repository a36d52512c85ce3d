import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleepUntil } from 'node:timers/promises';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { loadConfig } from '../../src/config';
import { openContext } from '../../src/compose';
import { launchDecision } from '../../src/usecases/decision/launch-decision';
import { forEachDatabase, label, testDatabases, type TestDatabase } from '../helpers/databases';
import { kill, startServer } from '../helpers/server-process';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-deadlines-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function environment(db: TestDatabase): Promise<NodeJS.ProcessEnv> {
  if (db.name === 'sqlite') return { CONCORD_DATA_DIR: fs.mkdtempSync(path.join(tmp, 'data-')), DATABASE_URL: '' };
  const { store, url } = await db.open();
  await store.close();
  return { DATABASE_URL: url, CONCORD_DATA_DIR: tmp };
}

/** A secretariat account and its API token, made with the CLI as an operator would. */
async function operator(env: NodeJS.ProcessEnv) {
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l), err: () => {}, stdin: async () => '' };
  expect(await main(['user', 'create', '--email', 'sec@example.org', '--name', 'Sec', '--role', 'secretariat', '--password', 'a long enough password'], io, env)).toBe(0);
  expect(await main(['token', 'create', '--email', 'sec@example.org'], io, env)).toBe(0);
  return lines.at(-1)!.trim();
}

/**
 * Launch silence procedures whose deadlines fall a few seconds from now. The launch is made with a
 * clock set an hour back, because a real launch must leave delegations at least a minute.
 */
async function launchSoon(env: NodeJS.ProcessEnv, deadlines: Date[]) {
  const { ctx, store } = await openContext(loadConfig(env));
  try {
    const sec = (await store.read.users.byEmail('sec@example.org'))!;
    ctx.clock = () => new Date(Date.now() - 3_600_000);
    const actor = { userId: sec.id, role: 'secretariat' as const, participant: null, functions: [], participantStatus: null, isChair: false, secondFactor: true };
    const ids: number[] = [];
    for (const [i, deadline] of deadlines.entries()) {
      ids.push((await launchDecision(ctx, actor, { bodyCode: 'SOC', title: `Procedure ${i + 1}`, subject: { type: 'text', text: `Text ${i + 1}` }, mode: 'silence', deadline: deadline.toISOString() })).id);
    }
    return ids;
  } finally {
    await store.close();
  }
}

const getDecision = async (base: string, token: string, id: number) => (await fetch(`${base}/api/decisions/${id}`, { headers: { authorization: `Bearer ${token}` } })).json();

forEachDatabase((db) => {
  describe.skipIf(!!db.unavailable)(`deadlines across a restart on ${label(db)}`, () => {
    let server: ChildProcess | undefined;
    afterEach(async () => {
      if (server) await kill(server);
    });

    it('concludes on start-up a deadline that passed while the server was down, effective at the deadline', async () => {
      const env = await environment(db);
      const token = await operator(env);
      const deadline = new Date(Date.now() + 10_000);
      const [id] = await launchSoon(env, [deadline]);

      const first = await startServer(env);
      server = first.child;
      expect((await getDecision(first.base, token, id!)).status).toBe('open');
      await kill(first.child); // before the deadline, without a chance to clean up

      await sleepUntil(Math.max(0, deadline.getTime() - Date.now() + 500));
      const second = await startServer(env);
      server = second.child;
      await expect.poll(async () => (await getDecision(second.base, token, id!)).status, { timeout: 20_000, interval: 200 }).toBe('adopted');
      expect((await getDecision(second.base, token, id!)).adoptedAt).toBe(deadline.toISOString());
    });
  });
});

const pg = testDatabases().find((d) => d.name === 'postgres')!;
describe.skipIf(!!pg.unavailable)(`two instances on one database (${label(pg)})`, () => {
  const servers: ChildProcess[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await kill(s);
  });

  it('concludes each deadline exactly once', async () => {
    const env = await environment(pg);
    const token = await operator(env);
    const start = Date.now() + 4_000;
    const deadlines = Array.from({ length: 8 }, (_, i) => new Date(start + i * 150));
    const ids = await launchSoon(env, deadlines);
    const a = await startServer(env);
    servers.push(a.child);
    const b = await startServer(env);
    servers.push(b.child);

    for (const id of ids) {
      await expect.poll(async () => (await getDecision(id % 2 ? a.base : b.base, token, id)).status, { timeout: 30_000, interval: 250 }).toBe('adopted');
    }
    const audit = (await (await fetch(`${a.base}/api/audit?limit=500`, { headers: { authorization: `Bearer ${token}` } })).json()) as Array<{ action: string; subject: string }>;
    const conclusions = audit.filter((e) => e.action === 'decision.conclude').map((e) => e.subject).sort();
    expect(conclusions).toEqual(ids.map((id) => `decision:${id}`).sort());
    for (const [i, id] of ids.entries()) expect((await getDecision(b.base, token, id)).adoptedAt).toBe(deadlines[i]!.toISOString());
  });
});
