import type { Kysely, Selectable } from 'kysely';
import type { Proposal, ProposalState, ProposalType, Provision, ProvisionKind, ProvisionStatus, Stance } from '../core/negotiation';
import type { NegotiationEvent, NegotiationRecord, NegotiationRepository, StoredProposal } from '../usecases/ports';
import type { Database, NegotiationTable, ProposalTable } from './schema';

const toNegotiation = (r: Selectable<NegotiationTable>): NegotiationRecord => ({
  id: r.id,
  title: r.title,
  bodyCode: r.body_code,
  openToObservers: r.open_to_observers === 1,
  note: r.note,
  revision: r.revision,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

const toProposal = (r: Selectable<ProposalTable>): StoredProposal => ({
  id: r.id,
  negotiationId: r.negotiation_id,
  provisionId: r.provision_id,
  seq: r.seq,
  type: r.type as ProposalType,
  author: r.author,
  text: r.text,
  range: r.range_start === null || r.range_end === null ? null : { start: r.range_start, end: r.range_end },
  baseText: r.base_text,
  ...(r.new_kind ? { newKind: r.new_kind as ProvisionKind } : {}),
  justification: r.justification,
  supporters: JSON.parse(r.supporters_json) as string[],
  opponents: JSON.parse(r.opponents_json) as string[],
  state: r.state as ProposalState,
  applies: r.applies === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
  resolvedAt: r.resolved_at,
  resolvedBy: r.resolved_by,
});

const proposalColumns = (p: StoredProposal | (Proposal & Partial<StoredProposal>)) => ({
  type: p.type,
  author: p.author,
  text: p.text,
  range_start: p.range?.start ?? null,
  range_end: p.range?.end ?? null,
  base_text: p.baseText,
  new_kind: p.newKind ?? null,
  justification: p.justification,
  state: p.state,
  applies: p.applies ? 1 : 0,
  supporters_json: JSON.stringify(p.supporters),
  opponents_json: JSON.stringify(p.opponents),
  resolved_at: p.resolvedAt ?? null,
  resolved_by: p.resolvedBy ?? null,
});

export function negotiationRepository(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): NegotiationRepository {
  return {
    async list() {
      return (await db.selectFrom('negotiations').selectAll().orderBy('id', 'desc').execute()).map(toNegotiation);
    },
    async get(id, opts) {
      let q = db.selectFrom('negotiations').selectAll().where('id', '=', id);
      // SQLite has a single writer already; PostgreSQL takes a row lock.
      if (opts?.lock && dialect === 'postgres') q = q.forUpdate();
      const r = await q.executeTakeFirst();
      return r ? toNegotiation(r) : null;
    },
    async insert(n) {
      const r = await db
        .insertInto('negotiations')
        .values({
          title: n.title,
          body_code: n.bodyCode,
          open_to_observers: n.openToObservers ? 1 : 0,
          note: n.note,
          revision: n.revision,
          created_by: n.createdBy,
          created_at: n.createdAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },
    async setRevision(id, revision) {
      await db.updateTable('negotiations').set({ revision }).where('id', '=', id).execute();
    },
    async provisions(negotiationId) {
      const rows = await db.selectFrom('provisions').selectAll().where('negotiation_id', '=', negotiationId).where('removed', '=', 0).orderBy('ord').execute();
      return rows.map((r): Provision => ({ id: r.id, kind: r.kind as ProvisionKind, text: r.text, status: r.status as ProvisionStatus }));
    },
    async saveDraft(negotiationId, draft) {
      const existing = new Map(
        (await db.selectFrom('provisions').selectAll().where('negotiation_id', '=', negotiationId).execute()).map((r) => [r.id, r]),
      );
      const kept = new Set<string>();
      for (const [ord, p] of draft.entries()) {
        kept.add(p.id);
        const old = existing.get(p.id);
        if (!old) {
          await db.insertInto('provisions').values({ id: p.id, negotiation_id: negotiationId, ord, kind: p.kind, text: p.text, status: p.status, removed: 0 }).execute();
        } else if (old.ord !== ord || old.text !== p.text || old.status !== p.status || old.kind !== p.kind || old.removed !== 0) {
          await db.updateTable('provisions').set({ ord, kind: p.kind, text: p.text, status: p.status, removed: 0 }).where('id', '=', p.id).execute();
        }
      }
      for (const [id, old] of existing) {
        if (!kept.has(id) && old.removed === 0) await db.updateTable('provisions').set({ removed: 1 }).where('id', '=', id).execute();
      }
    },
    async proposals(negotiationId) {
      return (await db.selectFrom('proposals').selectAll().where('negotiation_id', '=', negotiationId).orderBy('seq').execute()).map(toProposal);
    },
    async proposal(id) {
      const r = await db.selectFrom('proposals').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? toProposal(r) : null;
    },
    async insertProposal(p) {
      await db
        .insertInto('proposals')
        .values({ id: p.id, negotiation_id: p.negotiationId, provision_id: p.provisionId, seq: p.seq, created_by: p.createdBy, created_at: p.createdAt, ...proposalColumns(p) })
        .execute();
    },
    async updateProposal(p) {
      await db.updateTable('proposals').set(proposalColumns(p)).where('id', '=', p.id).execute();
    },
    async stances(negotiationId) {
      const rows = await db.selectFrom('stances').selectAll().where('negotiation_id', '=', negotiationId).orderBy('provision_id').orderBy('participant').execute();
      return rows.map((r) => ({ provisionId: r.provision_id, participant: r.participant, stance: r.stance as Stance }));
    },
    async saveStance(negotiationId, s, at, userId) {
      await db
        .insertInto('stances')
        .values({ provision_id: s.provisionId, participant: s.participant, negotiation_id: negotiationId, stance: s.stance, at, user_id: userId })
        .onConflict((oc) => oc.columns(['provision_id', 'participant']).doUpdateSet({ stance: s.stance, at, user_id: userId }))
        .execute();
    },
    async revisions(negotiationId) {
      const rows = await db
        .selectFrom('revisions')
        .select(['negotiation_id', 'number', 'issued_at', 'issued_by', 'content_hash'])
        .where('negotiation_id', '=', negotiationId)
        .orderBy('number')
        .execute();
      return rows.map((r) => ({ negotiationId: r.negotiation_id, number: r.number, issuedAt: r.issued_at, issuedBy: r.issued_by, contentHash: r.content_hash }));
    },
    async revision(negotiationId, number) {
      const r = await db.selectFrom('revisions').selectAll().where('negotiation_id', '=', negotiationId).where('number', '=', number).executeTakeFirst();
      return r
        ? { negotiationId: r.negotiation_id, number: r.number, issuedAt: r.issued_at, issuedBy: r.issued_by, provisions: JSON.parse(r.provisions_json) as Provision[], contentHash: r.content_hash }
        : null;
    },
    async insertRevision(r) {
      await db
        .insertInto('revisions')
        .values({ negotiation_id: r.negotiationId, number: r.number, issued_at: r.issuedAt, issued_by: r.issuedBy, provisions_json: JSON.stringify(r.provisions), content_hash: r.contentHash })
        .execute();
    },
    async appendEvent(negotiationId, at, type, payload) {
      const r = await db
        .insertInto('negotiation_events')
        .values({ negotiation_id: negotiationId, at, type, payload_json: JSON.stringify(payload ?? null) })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: r.id, negotiationId, at, type, payload };
    },
    async eventsAfter(negotiationId, afterId, limit) {
      const rows = await db
        .selectFrom('negotiation_events')
        .selectAll()
        .where('negotiation_id', '=', negotiationId)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r): NegotiationEvent => ({ id: r.id, negotiationId: r.negotiation_id, at: r.at, type: r.type, payload: JSON.parse(r.payload_json) }));
    },
    async lastEventId(negotiationId) {
      const r = await db.selectFrom('negotiation_events').select((eb) => eb.fn.max('id').as('m')).where('negotiation_id', '=', negotiationId).executeTakeFirst();
      return Number(r?.m ?? 0);
    },
  };
}
