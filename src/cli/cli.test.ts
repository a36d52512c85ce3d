import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachDatabase, label } from '../../test/helpers/databases';
import { openStore } from '../store';
import { main, type Io } from './main';

function capture(stdin = ''): Io & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(...l.split('\n')), err: (l) => errors.push(...l.split('\n')), stdin: async () => stdin };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

forEachDatabase((db) => {
  describe.skipIf(!!db.unavailable)(`concord CLI on ${label(db)}`, () => {
    async function environment(): Promise<NodeJS.ProcessEnv> {
      if (db.name === 'sqlite') return { CONCORD_DATA_DIR: fs.mkdtempSync(path.join(tmp, 'data-')) };
      const { store, url } = await db.open();
      await store.close();
      return { DATABASE_URL: url, CONCORD_DATA_DIR: tmp };
    }

    it('creates users, issues a token as the last word, and verifies the audit chain until a row is altered', async () => {
      const env = await environment();
      const admin = capture();
      expect(await main(['user', 'create', '--email', 'Admin@Example.org', '--name', 'Ada Admin', '--role', 'admin', '--password', 'a long enough password'], admin, env)).toBe(0);
      expect(admin.lines.join(' ')).toContain('admin@example.org');

      const head = capture('another long password\n');
      const code = await main(['user', 'create', '--email', 'head@kaz.example', '--name', 'Head KAZ', '--role', 'delegate', '--participant', 'KAZ', '--function', 'head', '--function', 'cbm_contact', '--password-stdin'], head, env);
      expect(head.errors).toEqual([]);
      expect(code).toBe(0);
      expect(head.lines.join(' ')).toContain('KAZ: head, cbm_contact');

      const refused = capture();
      expect(await main(['user', 'create', '--email', 'x@example.org', '--name', 'X', '--role', 'delegate', '--password', 'a long enough password'], refused, env)).toBe(1);
      expect(refused.errors.join(' ')).toMatch(/participant/);

      const token = capture();
      expect(await main(['token', 'create', '--email', 'head@kaz.example'], token, env)).toBe(0);
      const last = token.lines.filter(Boolean).at(-1)!.split(/\s+/).at(-1)!;
      expect(last).toMatch(/^cct_[A-Za-z0-9_-]{40,}$/);

      const ok = capture();
      expect(await main(['audit', 'verify'], ok, env)).toBe(0);
      expect(ok.lines.join(' ')).toMatch(/intact: \d+ entries/);

      const store = openStore({ databaseUrl: env.DATABASE_URL, dataDir: env.CONCORD_DATA_DIR! });
      await sql`update audit_log set action = 'user.delete' where seq = 2`.execute(store.db);
      await store.close();
      const broken = capture();
      expect(await main(['audit', 'verify'], broken, env)).toBe(1);
      expect(broken.errors.join(' ')).toContain('BROKEN at entry 2');
    });
  });
});

describe('concord CLI help and usage', () => {
  it('documents every command with --help and refuses unknown ones', async () => {
    for (const cmd of [['serve'], ['migrate'], ['seed'], ['user', 'create'], ['token', 'create'], ['audit', 'verify']]) {
      const io = capture();
      expect(await main([...cmd, '--help'], io, {})).toBe(0);
      expect(io.lines[0]).toMatch(/^Usage: concord/);
    }
    const io = capture();
    expect(await main(['frobnicate'], io, {})).toBe(2);
    expect(io.errors[0]).toContain('Unknown command');
  });

  it('explains missing options', async () => {
    const io = capture();
    expect(await main(['user', 'create', '--email', 'a@b.c'], io, { CONCORD_DATA_DIR: fs.mkdtempSync(path.join(tmp, 'x-')) })).toBe(2);
    expect(io.errors[0]).toContain('missing --name, --role');
  });
});
