import { currentDeadline, evaluate, type DecisionStatus } from '../../core/consensus';
import type { Actor } from '../../core/policy';
import { localized } from '../../core/registry';
import { authorize } from '../authorize';
import { nowIso, type Context } from '../context';
import type { DecisionRecord } from '../ports';
import { entitledMembers, loadDecision } from './common';

async function present(ctx: Context, d: DecisionRecord, lang: string) {
  const ports = ctx.store.read;
  const acts = await ports.decisions.acts(d.id);
  const names = Object.fromEntries((await ports.registry.participants()).map((p) => [p.code, localized(p.names, lang)]));
  const now = nowIso(ctx);
  const e = evaluate(d, { members: entitledMembers(d), acts: acts.map((a) => a.act), now });
  const counted = new Set(e.countedActs);
  const chainDown = await ports.decisions.recommendedFrom(d.id);
  const documents = await ports.decisions.documentsForDecision(d.id);
  return {
    id: d.id,
    bodyCode: d.bodyCode,
    title: d.title,
    subject: d.subject,
    mode: d.mode,
    status: d.status,
    openedAt: d.openedAt,
    openedOn: d.openedOn,
    deadline: currentDeadline(d),
    originalDeadline: d.deadline && d.extensions.length ? d.extensions[0]!.from : d.deadline,
    extensions: d.extensions,
    concludedAt: d.status === 'withdrawn' ? null : (d.concludedAt ?? null),
    adoptedAt: d.status === 'adopted' ? d.effectiveAt : null,
    effectiveAt: d.effectiveAt,
    /** While open: whether silence is already broken (the outcome at the deadline is then settled). */
    silenceBroken: d.mode === 'silence' && e.brokenBy.length > 0,
    brokenBy: d.status === 'open' ? e.brokenBy : d.brokenBy,
    objections: acts
      .filter((a) => a.act.kind === 'objection' || a.act.kind === 'amendment' || a.act.kind === 'room_objection')
      .map((a) => ({
        id: a.id,
        kind: a.act.kind,
        participant: a.act.participant,
        participantName: names[a.act.participant] ?? a.act.participant,
        reason: a.act.kind === 'objection' ? a.act.reason : a.act.kind === 'room_objection' ? (a.act.reason ?? null) : null,
        amendment: a.act.kind === 'amendment' ? a.act.text : null,
        at: a.act.at,
        counts: counted.has(a.act),
      })),
    statements: acts
      .filter((a) => a.act.kind === 'statement')
      .map((a) => ({ id: a.id, participant: a.act.participant, participantName: names[a.act.participant] ?? a.act.participant, kind: a.act.kind === 'statement' ? a.act.statementKind : 'interpretative', text: a.act.kind === 'statement' ? a.act.text : '', at: a.act.at })),
    chain: {
      recommendedBy: d.recommendedBy,
      recommends: chainDown.map((x) => ({ id: x.id, bodyCode: x.bodyCode, title: x.title, status: x.status })),
    },
    documents: documents.map((doc) => ({ id: doc.id, symbol: doc.symbol, title: doc.title, contentHash: doc.contentHash })),
    /** The decision's own entries in the hash-chained audit log: what was done, when, for which state. */
    trail: (await ports.audit.bySubject(`decision:${d.id}`)).map((e) => ({ seq: e.seq, at: e.at, action: e.action, participant: e.actorParticipant, hash: e.hash })),
  };
}

export async function getDecision(ctx: Context, actor: Actor | null, id: number, lang: string) {
  authorize(actor, 'decision.read');
  return present(ctx, await loadDecision(ctx.store.read, id), lang);
}

/** Open decisions first (soonest deadline first), then the rest, newest first. */
export async function listDecisions(ctx: Context, actor: Actor | null, status: DecisionStatus | undefined, lang: string) {
  authorize(actor, 'decision.read');
  const all = await ctx.store.read.decisions.list(status);
  const open = all.filter((d) => d.status === 'open').sort((a, b) => (currentDeadline(a) ?? '9999').localeCompare(currentDeadline(b) ?? '9999'));
  const rest = all.filter((d) => d.status !== 'open');
  return Promise.all([...open, ...rest].map((d) => present(ctx, d, lang)));
}
