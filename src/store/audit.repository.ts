import { sql, type Kysely, type Selectable } from 'kysely';
import type { AuditEntry } from '../core/audit-chain';
import type { AuditRepository, MailAttachment, OutboxRecord, OutboxRepository } from '../usecases/ports';
import type { AuditLogTable, Database, OutboxTable } from './schema';

/** An arbitrary constant naming the audit chain's advisory lock on PostgreSQL. */
const AUDIT_LOCK_KEY = 7_260_001;

const toEntry = (r: Selectable<AuditLogTable>): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  actorUserId: r.actor_user_id,
  actorParticipant: r.actor_participant,
  action: r.action,
  subject: r.subject,
  payload: JSON.parse(r.payload_json),
  prevHash: r.prev_hash,
  hash: r.hash,
});

export function auditRepository(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): AuditRepository {
  return {
    async lockHead() {
      // SQLite runs one write transaction at a time on our single connection; PostgreSQL needs a lock
      // so that two instances never chain two entries onto the same predecessor.
      if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(db);
      const r = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
      return r ?? null;
    },
    async insert(e) {
      await db
        .insertInto('audit_log')
        .values({
          seq: e.seq,
          at: e.at,
          actor_user_id: e.actorUserId,
          actor_participant: e.actorParticipant,
          action: e.action,
          subject: e.subject,
          payload_json: JSON.stringify(e.payload ?? null),
          prev_hash: e.prevHash,
          hash: e.hash,
        })
        .execute();
    },
    async all() {
      const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
      return rows.map(toEntry);
    },
    async bySubject(subject) {
      return (await db.selectFrom('audit_log').selectAll().where('subject', '=', subject).orderBy('seq').execute()).map(toEntry);
    },
    async page({ before, limit }) {
      let q = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(limit);
      if (before !== undefined) q = q.where('seq', '<', before);
      return (await q.execute()).map(toEntry);
    },
  };
}

const toOutbox = (r: Selectable<OutboxTable>): OutboxRecord => ({
  id: r.id,
  to: r.to_address,
  subject: r.subject,
  body: r.body,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  ...(r.attachments_json ? { attachments: JSON.parse(r.attachments_json) as MailAttachment[] } : {}),
});

export function outboxRepository(db: Kysely<Database>): OutboxRepository {
  return {
    async insert(m, at) {
      const r = await db
        .insertInto('outbox')
        .values({ to_address: m.to, subject: m.subject, body: m.body, created_at: at, sent_at: null, attachments_json: m.attachments?.length ? JSON.stringify(m.attachments) : null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async list(limit) {
      const rows = await db.selectFrom('outbox').selectAll().orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toOutbox);
    },
    async get(id) {
      const r = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toOutbox(r) : null;
    },
    async markSent(id, at) {
      await db.updateTable('outbox').set({ sent_at: at }).where('id', '=', id).execute();
    },
  };
}
