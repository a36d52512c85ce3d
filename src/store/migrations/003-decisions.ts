import type { Kysely } from 'kysely';
import { autoIdColumn } from './portable';

/** Decisions by consensus, adopted documents, the durable job queue and the in-app inbox. */
export async function up(db: Kysely<any>): Promise<void> {
  const pk = autoIdColumn(db);
  await db.schema
    .createTable('decisions')
    .addColumn('id', 'integer', pk)
    .addColumn('body_code', 'text', (c) => c.notNull().references('bodies.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('subject_json', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('concluded_at', 'text')
    .addColumn('effective_at', 'text')
    .addColumn('broken_by_json', 'text')
    .addColumn('entitled_json', 'text', (c) => c.notNull())
    .addColumn('recommended_by', 'integer')
    .addColumn('created_by', 'integer')
    .execute();
  await db.schema.createIndex('decisions_by_status').on('decisions').columns(['status', 'deadline']).execute();

  await db.schema
    .createTable('decision_acts')
    .addColumn('id', 'integer', pk)
    .addColumn('decision_id', 'integer', (c) => c.notNull().references('decisions.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('participant', 'text', (c) => c.notNull().references('participants.code'))
    .addColumn('text', 'text')
    .addColumn('statement_kind', 'text')
    .addColumn('by_head', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .execute();
  await db.schema.createIndex('decision_acts_by_decision').on('decision_acts').columns(['decision_id', 'id']).execute();

  await db.schema
    .createTable('decision_extensions')
    .addColumn('id', 'integer', pk)
    .addColumn('decision_id', 'integer', (c) => c.notNull().references('decisions.id'))
    .addColumn('from_deadline', 'text', (c) => c.notNull())
    .addColumn('to_deadline', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'integer', pk)
    .addColumn('symbol', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('body_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decision_id', 'integer')
    .addColumn('negotiation_id', 'integer')
    .addColumn('revision', 'integer')
    .addColumn('content_hash', 'text')
    .addColumn('provisions_json', 'text')
    .addColumn('adopted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'integer', pk)
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('done_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['done_at', 'run_at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', pk)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_by_user').on('notifications').columns(['user_id', 'id']).execute();

  await db.schema.alterTable('outbox').addColumn('attachments_json', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Concord migrations are forward-only.');
}
