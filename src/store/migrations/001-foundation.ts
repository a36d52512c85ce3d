import { sql, type Kysely } from 'kysely';
import { autoIdColumn } from './portable';

/** One migration set for SQLite and PostgreSQL: only portable types and constraints. */
export async function up(db: Kysely<any>): Promise<void> {
  const pk = autoIdColumn(db);
  await db.schema
    .createTable('forum')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name_json', 'text', (c) => c.notNull())
    .addColumn('acronym_json', 'text', (c) => c.notNull())
    .addColumn('languages_json', 'text', (c) => c.notNull())
    .addColumn('interface_languages_json', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('seat', 'text')
    .addColumn('founded_on', 'text')
    .execute();

  await db.schema
    .createTable('participants')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('state', 'organization')`))
    .addColumn('names_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('participant_statuses')
    .addColumn('id', 'integer', pk)
    .addColumn('participant_code', 'text', (c) => c.notNull().references('participants.code'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('member', 'observer', 'partner')`))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .addColumn('reference', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('participant_statuses_by_participant').on('participant_statuses').columns(['participant_code', 'from_date']).execute();

  await db.schema
    .createTable('bodies')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('names_json', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cycle_months', 'integer')
    .addColumn('cycle_note', 'text')
    .addColumn('reports_to', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('chairmanships')
    .addColumn('id', 'integer', pk)
    .addColumn('participant_code', 'text', (c) => c.notNull().references('participants.code'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .addColumn('reference', 'text')
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'integer', pk)
    .addColumn('body_code', 'text', (c) => c.notNull().references('bodies.code'))
    .addColumn('number', 'integer')
    .addColumn('title_json', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('venue', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('observances')
    .addColumn('id', 'integer', pk)
    .addColumn('names_json', 'text', (c) => c.notNull())
    .addColumn('month', 'integer', (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('since_year', 'integer')
    .addColumn('note', 'text')
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', pk)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'secretariat', 'delegate')`))
    .addColumn('participant_code', 'text', (c) => c.references('participants.code'))
    .addColumn('functions_json', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled_at', 'text')
    .addColumn('totp_last_step', 'integer')
    .addColumn('locale', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('second_factor', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'integer', pk)
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('participant_code', 'text', (c) => c.references('participants.code'))
    .addColumn('functions_json', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'integer', pk)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'integer', pk)
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_by_email').on('login_attempts').columns(['email', 'at']).execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('actor_participant', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', pk)
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Concord migrations are forward-only.');
}
