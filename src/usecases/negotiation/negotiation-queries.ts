import {
  attribution,
  cleanContentHash,
  compareRevisions,
  isClean,
  numberProvisions,
  overview,
  renderDocument,
  type TextView,
} from '../../core/negotiation';
import type { Actor } from '../../core/policy';
import { localized } from '../../core/registry';
import type { Context } from '../context';
import { invalid, notFound } from '../errors';
import type { Provision, StanceRecord } from '../../core/negotiation';
import type { RevisionRecord, StoredProposal } from '../ports';
import { readableNegotiation } from './common';

interface Aggregate {
  lastEventId: number;
  provisions: Provision[];
  proposals: StoredProposal[];
  stances: StanceRecord[];
  revisions: Array<Omit<RevisionRecord, 'provisions'>>;
}

const MAX_CACHED = 20;
const cache = new WeakMap<object, Map<number, Aggregate>>();

/**
 * The negotiation's current state. Every change to it appends to its event log, so the last event id
 * tells whether a cached copy is current — on this instance or after a write on another one. Reading
 * 3,000 proposals costs tens of milliseconds; delegates reload the text after every event.
 */
async function loadAggregate(ctx: Context, id: number): Promise<Aggregate> {
  const repo = ctx.store.read.negotiations;
  const lastEventId = await repo.lastEventId(id);
  const byId = cache.get(ctx.store) ?? new Map<number, Aggregate>();
  cache.set(ctx.store, byId);
  const hit = byId.get(id);
  if (hit && hit.lastEventId === lastEventId) return hit;
  const [provisions, proposals, stances, revisions] = await Promise.all([repo.provisions(id), repo.proposals(id), repo.stances(id), repo.revisions(id)]);
  const fresh = { lastEventId, provisions, proposals, stances, revisions };
  byId.delete(id);
  byId.set(id, fresh);
  if (byId.size > MAX_CACHED) byId.delete(byId.keys().next().value!);
  return fresh;
}

async function participantNames(ctx: Context, lang: string): Promise<Record<string, string>> {
  const all = await ctx.store.read.registry.participants();
  return Object.fromEntries(all.map((p) => [p.code, localized(p.names, lang)]));
}

const presentProposal = (p: StoredProposal, names: Record<string, string>) => ({
  id: p.id,
  provisionId: p.provisionId,
  seq: p.seq,
  type: p.type,
  author: p.author,
  authorName: names[p.author] ?? p.author,
  attribution: attribution(p, names),
  text: p.text,
  range: p.range,
  baseText: p.baseText,
  newKind: p.newKind ?? null,
  justification: p.justification,
  supporters: p.supporters,
  opponents: p.opponents,
  state: p.state,
  applies: p.applies,
  createdAt: p.createdAt,
  resolvedAt: p.resolvedAt,
});

export async function listNegotiations(ctx: Context, actor: Actor | null) {
  const all = await ctx.store.read.negotiations.list();
  const visible = [];
  for (const n of all) {
    try {
      await readableNegotiation(ctx, actor, n.id);
      visible.push({ id: n.id, title: n.title, bodyCode: n.bodyCode, revision: n.revision, note: n.note, createdAt: n.createdAt, openToObservers: n.openToObservers });
    } catch {
      // Not open to this reader.
    }
  }
  return visible;
}

/** The negotiation as the delegate's screen shows it: provisions with their proposals, stances and the overview. */
export async function getNegotiation(ctx: Context, actor: Actor | null, id: number, lang: string) {
  const n = await readableNegotiation(ctx, actor, id);
  const [{ provisions, proposals, stances, revisions, lastEventId }, names] = await Promise.all([loadAggregate(ctx, id), participantNames(ctx, lang)]);
  const numbers = numberProvisions(provisions);
  const byProvision = new Map<string, StoredProposal[]>();
  for (const p of proposals) byProvision.set(p.provisionId, [...(byProvision.get(p.provisionId) ?? []), p]);
  return {
    id: n.id,
    title: n.title,
    bodyCode: n.bodyCode,
    note: n.note,
    openToObservers: n.openToObservers,
    revision: n.revision,
    createdAt: n.createdAt,
    lastEventId,
    clean: isClean(provisions, proposals),
    contentHash: cleanContentHash(provisions),
    overview: overview(provisions, proposals, stances),
    revisions: revisions.map((r) => ({ number: r.number, issuedAt: r.issuedAt, contentHash: r.contentHash })),
    provisions: provisions.map((p) => ({
      id: p.id,
      kind: p.kind,
      num: numbers.get(p.id) ?? null,
      text: p.text,
      status: p.status,
      proposals: (byProvision.get(p.id) ?? []).map((x) => presentProposal(x, names)),
      stances: stances.filter((s) => s.provisionId === p.id).map((s) => ({ participant: s.participant, stance: s.stance })),
    })),
    /** Proposals whose provision has been deleted, kept for the record. */
    orphanProposals: proposals.filter((p) => !numbers.has(p.provisionId)).map((x) => presentProposal(x, names)),
  };
}

/** The rendered text of the current draft, or of an issued revision. */
export async function renderNegotiationText(ctx: Context, actor: Actor | null, id: number, opts: { view: TextView; lang: string; mine?: boolean; revision?: number | undefined }) {
  const n = await readableNegotiation(ctx, actor, id);
  const repo = ctx.store.read.negotiations;
  const names = await participantNames(ctx, opts.lang);
  const current = await loadAggregate(ctx, id);
  let provisions: readonly Provision[] = current.provisions;
  let revision = n.revision;
  let proposals: readonly StoredProposal[] = current.proposals;
  if (opts.revision !== undefined) {
    const r = await repo.revision(id, opts.revision);
    if (!r) throw notFound('revision_not_found', `Revision ${opts.revision} has not been issued; the latest is Rev.${n.revision}.`);
    provisions = r.provisions;
    revision = r.number;
    proposals = [];
  }
  if (opts.mine) proposals = proposals.filter((p) => p.author === actor?.participant);
  const doc = renderDocument({ title: n.title, revision, view: opts.view, provisions, proposals, names });
  return { doc, negotiation: n, contentHash: cleanContentHash(provisions), clean: opts.revision === undefined ? isClean(provisions, proposals) : null };
}

/** Word-by-word differences between two issued revisions (0 is the text as created). */
export async function diffRevisions(ctx: Context, actor: Actor | null, id: number, from: number, to: number) {
  const n = await readableNegotiation(ctx, actor, id);
  if (from === to) throw invalid('same_revision', 'Choose two different revisions to compare.');
  const repo = ctx.store.read.negotiations;
  const [a, b] = await Promise.all([repo.revision(id, from), repo.revision(id, to)]);
  for (const [num, r] of [[from, a], [to, b]] as const) {
    if (!r) throw notFound('revision_not_found', `Revision ${num} has not been issued; the latest is Rev.${n.revision}.`);
  }
  return { from, to, changes: compareRevisions(a!.provisions, b!.provisions).map((c) => ({ ...c, diff: c.diff ?? null })) };
}

export async function negotiationEventsAfter(ctx: Context, actor: Actor | null, id: number, afterId: number) {
  await readableNegotiation(ctx, actor, id);
  return ctx.store.read.negotiations.eventsAfter(id, afterId, 500);
}

/** Throws unless the reader may see this negotiation (used before opening a live stream). */
export async function assertReadable(ctx: Context, actor: Actor | null, id: number): Promise<void> {
  await readableNegotiation(ctx, actor, id);
}
