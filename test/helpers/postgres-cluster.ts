import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * The PostgreSQL tier: TEST_DATABASE_URL when given; otherwise a throwaway cluster started from
 * the server binaries on this machine (as the `postgres` user when we are root, since initdb
 * refuses root), stopped when the run ends. In CI a missing PostgreSQL fails the run.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string | null;
    pgUnavailable: string | null;
  }
}

function findBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin/initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(base, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgUrl', process.env.TEST_DATABASE_URL);
    project.provide('pgUnavailable', null);
    return;
  }
  const bin = findBinDir();
  if (!bin) {
    const why = 'no TEST_DATABASE_URL and no PostgreSQL server binaries under /usr/lib/postgresql';
    if (process.env.CI) throw new Error(`PostgreSQL tier cannot run in CI: ${why}.`);
    process.stderr.write(`\n${'!'.repeat(72)}\n!! PostgreSQL tests will be SKIPPED: ${why}.\n${'!'.repeat(72)}\n\n`);
    project.provide('pgUrl', null);
    project.provide('pgUnavailable', why);
    return;
  }
  const isRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-pg-'));
  const dataDir = path.join(dir, 'data');
  const asPg = (cmd: string, args: string[]) =>
    isRoot ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args], { stdio: 'pipe' }) : execFileSync(path.join(bin, cmd), args, { stdio: 'pipe' });
  if (isRoot) execFileSync('chown', ['postgres:postgres', dir]);
  fs.chmodSync(dir, 0o755);
  asPg('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  asPg('pg_ctl', ['-D', dataDir, '-l', path.join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start']);
  project.provide('pgUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);
  project.provide('pgUnavailable', null);
  return () => {
    const args = ['-D', dataDir, '-m', 'immediate', '-w', 'stop'];
    if (isRoot) spawnSync('runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args]);
    else spawnSync(path.join(bin, 'pg_ctl'), args);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
