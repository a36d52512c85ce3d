import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { forEachDatabase, label } from '../helpers/databases';
import { startServer } from '../helpers/server-process';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-durable-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

forEachDatabase((db) => {
  describe.skipIf(!!db.unavailable)(`durability of the running server on ${label(db)}`, () => {
    let server: ChildProcess | undefined;
    afterEach(() => {
      server?.kill('SIGKILL');
      server = undefined;
    });

    it('keeps every acknowledged write when the process is killed, and all data across restarts', async () => {
      const env: NodeJS.ProcessEnv =
        db.name === 'sqlite'
          ? { CONCORD_DATA_DIR: fs.mkdtempSync(path.join(tmp, 'data-')), DATABASE_URL: '' }
          : await db.open().then(async ({ store, url }) => {
              await store.close();
              return { DATABASE_URL: url, CONCORD_DATA_DIR: tmp };
            });
      const lines: string[] = [];
      const io = { out: (l: string) => lines.push(l), err: () => {}, stdin: async () => '' };
      expect(await main(['user', 'create', '--email', 'sec@example.org', '--name', 'Sec', '--role', 'secretariat', '--password', 'a long enough password'], io, env)).toBe(0);
      expect(await main(['token', 'create', '--email', 'sec@example.org'], io, env)).toBe(0);
      const token = lines.at(-1)!.trim();

      const first = await startServer(env);
      server = first.child;
      const codes = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'];
      for (const code of codes) {
        const res = await fetch(`${first.base}/api/participants`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ code, kind: 'state', name: `State ${code}` }),
        });
        expect(res.status).toBe(201);
      }
      // No graceful shutdown: the process dies right after the last acknowledgement.
      first.child.kill('SIGKILL');
      await once(first.child, 'exit');

      const second = await startServer(env);
      server = second.child;
      for (const code of codes) {
        const res = await fetch(`${second.base}/api/participants/${code}`);
        expect(res.status).toBe(200);
      }
      const members = await (await fetch(`${second.base}/api/participants?at=2006-06-17&status=member`)).json();
      expect(members.participants).toHaveLength(18);
      const verify = await fetch(`${second.base}/api/audit/verify`, { headers: { authorization: `Bearer ${token}` } });
      expect(await verify.json()).toMatchObject({ ok: true });
    });
  });
});
