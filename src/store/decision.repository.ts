import type { Kysely, Selectable } from 'kysely';
import type { Act, DecisionMode, DecisionStatus, DecisionSubject } from '../core/consensus';
import type { DecisionRecord, DecisionRepository, DocumentRecord, StoredAct } from '../usecases/ports';
import type { Database, DecisionActTable, DecisionTable, DocumentTable } from './schema';

function toDecision(r: Selectable<DecisionTable>, extensions: Array<{ from: string; to: string; at: string }>): DecisionRecord {
  return {
    id: r.id,
    bodyCode: r.body_code,
    title: r.title,
    subject: JSON.parse(r.subject_json) as DecisionSubject,
    mode: r.mode as DecisionMode,
    status: r.status as DecisionStatus,
    openedAt: r.opened_at,
    openedOn: r.opened_on,
    deadline: r.deadline,
    extensions,
    withdrawnAt: r.status === 'withdrawn' ? r.concluded_at : null,
    concludedAt: r.status === 'withdrawn' ? null : r.concluded_at,
    effectiveAt: r.effective_at,
    brokenBy: r.broken_by_json ? (JSON.parse(r.broken_by_json) as string[]) : [],
    entitled: JSON.parse(r.entitled_json) as string[],
    recommendedBy: r.recommended_by,
    createdBy: r.created_by,
  };
}

function toAct(r: Selectable<DecisionActTable>): StoredAct {
  const base = { participant: r.participant, at: r.at };
  let act: Act;
  switch (r.kind) {
    case 'objection':
      act = { kind: 'objection', ...base, reason: r.text ?? '', byHead: r.by_head === 1 };
      break;
    case 'amendment':
      act = { kind: 'amendment', ...base, text: r.text ?? '', byHead: r.by_head === 1 };
      break;
    case 'statement':
      act = { kind: 'statement', ...base, statementKind: r.statement_kind as 'interpretative' | 'reservation', text: r.text ?? '', byHead: r.by_head === 1 };
      break;
    default:
      act = { kind: 'room_objection', ...base, recordedBy: r.user_id ?? 0, reason: r.text };
  }
  return { id: r.id, act, userId: r.user_id };
}

const toDocument = (r: Selectable<DocumentTable>): DocumentRecord => ({
  id: r.id,
  symbol: r.symbol,
  title: r.title,
  type: r.type,
  bodyCode: r.body_code,
  status: r.status,
  decisionId: r.decision_id,
  negotiationId: r.negotiation_id,
  revision: r.revision,
  contentHash: r.content_hash,
  adoptedAt: r.adopted_at,
  createdAt: r.created_at,
});

export function decisionRepository(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): DecisionRepository {
  const extensionsOf = async (ids: number[]) => {
    const map = new Map<number, Array<{ from: string; to: string; at: string }>>();
    if (ids.length === 0) return map;
    const rows = await db.selectFrom('decision_extensions').selectAll().where('decision_id', 'in', ids).orderBy('id').execute();
    for (const r of rows) map.set(r.decision_id, [...(map.get(r.decision_id) ?? []), { from: r.from_deadline, to: r.to_deadline, at: r.at }]);
    return map;
  };
  const many = async (rows: Array<Selectable<DecisionTable>>) => {
    const ext = await extensionsOf(rows.map((r) => r.id));
    return rows.map((r) => toDecision(r, ext.get(r.id) ?? []));
  };
  return {
    async insert(d) {
      const r = await db
        .insertInto('decisions')
        .values({
          body_code: d.bodyCode,
          title: d.title,
          subject_json: JSON.stringify(d.subject),
          mode: d.mode,
          status: d.status,
          opened_at: d.openedAt,
          opened_on: d.openedOn,
          deadline: d.deadline,
          concluded_at: null,
          effective_at: null,
          broken_by_json: null,
          entitled_json: JSON.stringify(d.entitled),
          recommended_by: d.recommendedBy,
          created_by: d.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async get(id, opts) {
      let q = db.selectFrom('decisions').selectAll().where('id', '=', id);
      if (opts?.lock && dialect === 'postgres') q = q.forUpdate();
      const r = await q.executeTakeFirst();
      return r ? (await many([r]))[0]! : null;
    },
    async list(status) {
      let q = db.selectFrom('decisions').selectAll().orderBy('id', 'desc');
      if (status) q = q.where('status', '=', status);
      return many(await q.execute());
    },
    async recommendedFrom(id) {
      return many(await db.selectFrom('decisions').selectAll().where('recommended_by', '=', id).execute());
    },
    async acts(decisionId) {
      return (await db.selectFrom('decision_acts').selectAll().where('decision_id', '=', decisionId).orderBy('id').execute()).map(toAct);
    },
    async insertAct(decisionId, act, userId) {
      const text = act.kind === 'objection' ? act.reason : act.kind === 'room_objection' ? (act.reason ?? null) : act.text;
      const r = await db
        .insertInto('decision_acts')
        .values({
          decision_id: decisionId,
          kind: act.kind,
          participant: act.participant,
          text,
          statement_kind: act.kind === 'statement' ? act.statementKind : null,
          by_head: 'byHead' in act && act.byHead ? 1 : 0,
          at: act.at,
          user_id: userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async insertExtension(decisionId, e, userId) {
      await db.insertInto('decision_extensions').values({ decision_id: decisionId, from_deadline: e.from, to_deadline: e.to, at: e.at, user_id: userId }).execute();
      await db.updateTable('decisions').set({ deadline: e.to }).where('id', '=', decisionId).execute();
    },
    async conclude(id, o) {
      await db
        .updateTable('decisions')
        .set({ status: o.status, concluded_at: o.concludedAt, effective_at: o.effectiveAt, broken_by_json: JSON.stringify(o.brokenBy) })
        .where('id', '=', id)
        .execute();
    },
    async documents() {
      return (await db.selectFrom('documents').selectAll().orderBy('id').execute()).map(toDocument);
    },
    async documentsForDecision(decisionId) {
      return (await db.selectFrom('documents').selectAll().where('decision_id', '=', decisionId).orderBy('id').execute()).map(toDocument);
    },
    async insertDocument(d) {
      const r = await db
        .insertInto('documents')
        .values({
          symbol: d.symbol,
          title: d.title,
          type: d.type,
          body_code: d.bodyCode,
          status: d.status,
          decision_id: d.decisionId,
          negotiation_id: d.negotiationId,
          revision: d.revision,
          content_hash: d.contentHash,
          provisions_json: d.provisions ? JSON.stringify(d.provisions) : null,
          adopted_at: d.adoptedAt,
          created_at: d.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
  };
}
