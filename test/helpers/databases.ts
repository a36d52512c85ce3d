import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openStore, type OpenStore } from '../../src/store';
import type { Context } from '../../src/usecases/context';
import { seedSampleForum } from '../../src/usecases/seed-sample-forum';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** Why this tier cannot run here; tests are then skipped with this reason in their name. */
  unavailable: string | null;
  /** A fresh, empty, migrated database. */
  open(): Promise<{ store: OpenStore; url: string | undefined; sqliteFile: string | undefined }>;
}

let counter = 0;

/** A new database on the shared test cluster, named after the test file and a counter. */
async function createPgDatabase(baseUrl: string): Promise<string> {
  const name = `t_${process.pid}_${++counter}_${crypto.randomBytes(3).toString('hex')}`;
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function testDatabases(): TestDatabase[] {
  const pgUrl = inject('pgUrl');
  return [
    {
      name: 'sqlite',
      unavailable: null,
      async open() {
        const store = openStore({ dataDir: '', sqliteFile: ':memory:' });
        await store.migrate();
        return { store, url: undefined, sqliteFile: ':memory:' };
      },
    },
    {
      name: 'postgres',
      unavailable: pgUrl ? null : (inject('pgUnavailable') ?? 'PostgreSQL unavailable'),
      async open() {
        const url = await createPgDatabase(pgUrl!);
        const store = openStore({ databaseUrl: url, dataDir: '' });
        await store.migrate();
        return { store, url, sqliteFile: undefined };
      },
    },
  ];
}

/** `describe` once per dialect; an unavailable tier shows up as skipped, with the reason, never silently. */
export function forEachDatabase(fn: (db: TestDatabase) => void): void {
  for (const db of testDatabases()) fn(db);
}

export function label(db: TestDatabase): string {
  return db.unavailable ? `${db.name} (SKIPPED: ${db.unavailable})` : db.name;
}

export class TestClock {
  constructor(public now: Date) {}
  advance(ms: number): void {
    this.now = new Date(this.now.getTime() + ms);
  }
  readonly fn = () => this.now;
}

export async function seededContext(db: TestDatabase, at = '2026-11-27T12:00:00Z') {
  const opened = await db.open();
  const clock = new TestClock(new Date(at));
  const ctx: Context = { store: opened.store, clock: clock.fn, publicUrl: 'http://concord.test' };
  await seedSampleForum(ctx);
  return { ...opened, ctx, clock };
}
