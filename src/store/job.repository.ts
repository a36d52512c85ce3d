import { sql, type Kysely, type Selectable } from 'kysely';
import type { JobRecord, JobRepository } from '../usecases/ports';
import type { Database, JobTable } from './schema';

const toJob = (r: Selectable<JobTable>): JobRecord => ({ id: r.id, key: r.key, kind: r.kind, runAt: r.run_at, payload: JSON.parse(r.payload_json), attempts: r.attempts });

export function jobRepository(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): JobRepository {
  return {
    async enqueue(job) {
      const r = await db
        .insertInto('jobs')
        .values({ key: job.key, kind: job.kind, run_at: job.runAt, payload_json: JSON.stringify(job.payload ?? null), attempts: 0, locked_until: null, done_at: null, last_error: null })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async claimDue(now, limit, leaseMs) {
      const until = new Date(new Date(now).getTime() + leaseMs).toISOString();
      const claim = async (trx: Kysely<Database>) => {
        let q = trx
          .selectFrom('jobs')
          .select('id')
          .where('done_at', 'is', null)
          .where('run_at', '<=', now)
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
          .orderBy('run_at')
          .limit(limit);
        // Two workers on one PostgreSQL never take the same job: each skips rows the other has locked.
        if (dialect === 'postgres') q = q.forUpdate().skipLocked();
        const ids = (await q.execute()).map((r) => r.id);
        if (ids.length === 0) return [];
        const rows = await trx
          .updateTable('jobs')
          .set({ locked_until: until, attempts: sql`attempts + 1` })
          .where('id', 'in', ids)
          .returningAll()
          .execute();
        return rows.map(toJob).sort((a, b) => a.runAt.localeCompare(b.runAt));
      };
      return db.isTransaction ? claim(db) : db.transaction().execute(claim);
    },
    async complete(id, at) {
      await db.updateTable('jobs').set({ done_at: at, locked_until: null }).where('id', '=', id).execute();
    },
    async retryLater(id, error, runAt) {
      await db.updateTable('jobs').set({ last_error: error.slice(0, 2000), run_at: runAt, locked_until: null }).where('id', '=', id).execute();
    },
    async pending() {
      return (await db.selectFrom('jobs').selectAll().where('done_at', 'is', null).orderBy('run_at').execute()).map(toJob);
    },
  };
}
