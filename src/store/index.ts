import path from 'node:path';
import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import type { Ports, Store } from '../usecases/ports';
import { auditRepository, outboxRepository } from './audit.repository';
import { openPostgres } from './dialect/postgres';
import { openSqlite } from './dialect/sqlite';
import { decisionRepository } from './decision.repository';
import { jobRepository } from './job.repository';
import { migrations } from './migrations';
import { negotiationRepository } from './negotiation.repository';
import { registryRepository } from './registry.repository';
import type { Database } from './schema';
import { userRepository } from './user.repository';

export interface StoreOptions {
  /** `postgres://…` selects PostgreSQL; anything else (or nothing) uses SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** For tests: an SQLite file path or `:memory:` instead of `dataDir/concord.sqlite`. */
  sqliteFile?: string;
}

export interface OpenStore extends Store {
  readonly db: Kysely<Database>;
  migrate(): Promise<void>;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url);
}

export function openStore(options: StoreOptions): OpenStore {
  const dialect = isPostgresUrl(options.databaseUrl) ? 'postgres' : 'sqlite';
  const db =
    dialect === 'postgres'
      ? openPostgres(options.databaseUrl as string)
      : openSqlite(options.sqliteFile ?? path.join(options.dataDir, 'concord.sqlite'));
  const portsFor = (handle: Kysely<Database>): Ports => ({
    registry: registryRepository(handle),
    users: userRepository(handle),
    audit: auditRepository(handle, dialect),
    outbox: outboxRepository(handle),
    negotiations: negotiationRepository(handle, dialect),
    jobs: jobRepository(handle, dialect),
    decisions: decisionRepository(handle, dialect),
  });
  return {
    dialect,
    db,
    read: portsFor(db),
    transaction: (work) => db.transaction().execute((trx) => work(portsFor(trx))),
    migrate: () => migrate(db),
    close: () => db.destroy(),
  };
}

export async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(result.error)}`);
  }
}
