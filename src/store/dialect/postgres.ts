import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database as Schema } from '../schema';

// Keep BIGINT counts as numbers: our counts and ids stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export function openPostgres(connectionString: string, max = 10): Kysely<Schema> {
  const pool = new pg.Pool({ connectionString, max });
  return new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
}
