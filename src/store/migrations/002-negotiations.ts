import type { Kysely } from 'kysely';
import { autoIdColumn } from './portable';

/** Negotiation of texts: drafts, proposals, positions, stances, revisions and the live event log. */
export async function up(db: Kysely<any>): Promise<void> {
  const pk = autoIdColumn(db);
  await db.schema
    .createTable('negotiations')
    .addColumn('id', 'integer', pk)
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body_code', 'text', (c) => c.notNull().references('bodies.code'))
    .addColumn('open_to_observers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('provisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('negotiation_id', 'integer', (c) => c.notNull().references('negotiations.id'))
    .addColumn('ord', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('provisions_by_negotiation').on('provisions').columns(['negotiation_id', 'ord']).execute();

  await db.schema
    .createTable('proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('negotiation_id', 'integer', (c) => c.notNull().references('negotiations.id'))
    .addColumn('provision_id', 'text', (c) => c.notNull().references('provisions.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('author', 'text', (c) => c.notNull().references('participants.code'))
    .addColumn('text', 'text')
    .addColumn('range_start', 'integer')
    .addColumn('range_end', 'integer')
    .addColumn('base_text', 'text', (c) => c.notNull())
    .addColumn('new_kind', 'text')
    .addColumn('justification', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('applies', 'integer', (c) => c.notNull())
    .addColumn('supporters_json', 'text', (c) => c.notNull())
    .addColumn('opponents_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'integer')
    .execute();
  await db.schema.createIndex('proposals_by_negotiation').on('proposals').columns(['negotiation_id', 'seq']).execute();

  await db.schema
    .createTable('stances')
    .addColumn('provision_id', 'text', (c) => c.notNull().references('provisions.id'))
    .addColumn('participant', 'text', (c) => c.notNull().references('participants.code'))
    .addColumn('negotiation_id', 'integer', (c) => c.notNull())
    .addColumn('stance', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addPrimaryKeyConstraint('stances_pk', ['provision_id', 'participant'])
    .execute();

  await db.schema
    .createTable('revisions')
    .addColumn('negotiation_id', 'integer', (c) => c.notNull().references('negotiations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'integer')
    .addColumn('provisions_json', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('revisions_pk', ['negotiation_id', 'number'])
    .execute();

  await db.schema
    .createTable('negotiation_events')
    .addColumn('id', 'integer', pk)
    .addColumn('negotiation_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('negotiation_events_by_negotiation').on('negotiation_events').columns(['negotiation_id', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Concord migrations are forward-only.');
}
