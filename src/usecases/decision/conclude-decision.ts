import { checkExtension, checkWithdrawal, concludeMeeting, effectsOf, evaluate, jobAction, jobsFor, nextSymbol, type Effect } from '../../core/consensus';
import { dateInZone } from '../../core/dates';
import type { Actor } from '../../core/policy';
import { planChairTerm, planStatusChange, localized } from '../../core/registry';
import { appendAudit } from '../audit';
import { authorize } from '../authorize';
import { DEFAULT_TIME_ZONE, nowIso, type Context } from '../context';
import type { DecisionRecord, JobRecord, Ports } from '../ports';
import { DEFAULT_SYMBOL_PATTERN, entitledMembers, fail, loadDecision, membersOnDate } from './common';
import { notifyDecision } from './notify';

/** Apply what adoption causes, in the conclusion's transaction; an effect that cannot apply is recorded, not hidden. */
async function applyEffects(ctx: Context, tx: Ports, decision: DecisionRecord, effects: Effect[], at: string) {
  const applied: unknown[] = [];
  for (const e of effects) {
    const reference = `Decision ${decision.id}: ${decision.title}`;
    switch (e.type) {
      case 'status_change': {
        const next = { status: e.status, from: e.from, to: null, reference };
        const plan = planStatusChange(await tx.registry.statuses(e.participant), next);
        if (!plan.ok) {
          applied.push({ ...e, failed: plan.problem.message });
          break;
        }
        if (plan.close) await tx.registry.endStatus(e.participant, plan.close.from, e.from);
        await tx.registry.insertStatus(e.participant, next);
        applied.push(e);
        break;
      }
      case 'chair_term': {
        const term = { participant: e.participant, from: e.from, to: e.to, reference };
        const plan = planChairTerm(await tx.registry.chairTerms(), term);
        if (!plan.ok) {
          applied.push({ ...e, failed: plan.problem.message });
          break;
        }
        if (plan.close) await tx.registry.endChairTerm(plan.close.participant, plan.close.from, e.from);
        await tx.registry.insertChairTerm(term);
        applied.push(e);
        break;
      }
      case 'adopt_document': {
        const revision = await tx.negotiations.revision(e.negotiationId, e.revision);
        const negotiation = await tx.negotiations.get(e.negotiationId);
        const forum = await tx.registry.forum();
        const existing = (await tx.decisions.documents()).map((d) => d.symbol);
        const symbol = nextSymbol(DEFAULT_SYMBOL_PATTERN, { forum: localized(forum?.acronym ?? { en: 'FORUM' }, 'en'), body: e.bodyCode, year: Number(e.adoptedOn.slice(0, 4)), existing });
        if (!symbol.ok || !revision) {
          applied.push({ ...e, failed: symbol.ok ? 'revision missing' : symbol.problem.message });
          break;
        }
        const id = await tx.decisions.insertDocument({
          symbol: symbol.symbol,
          title: negotiation?.title ?? decision.title,
          type: 'declaration',
          bodyCode: e.bodyCode,
          status: 'adopted',
          decisionId: decision.id,
          negotiationId: e.negotiationId,
          revision: e.revision,
          contentHash: revision.contentHash,
          adoptedAt: at,
          createdAt: at,
          provisions: revision.provisions,
        });
        applied.push({ ...e, documentId: id, symbol: symbol.symbol });
        break;
      }
      case 'create_meeting': {
        const id = await tx.registry.insertMeeting({ bodyCode: e.body, number: null, title: { en: e.title }, startsOn: e.startsOn, endsOn: e.endsOn, venue: e.venue, timeZone: e.timeZone, status: 'planned', note: reference });
        applied.push({ ...e, meetingId: id });
        break;
      }
      case 'draft_decision': {
        const forum = await tx.registry.forum();
        const openedOn = dateInZone(at, forum?.timeZone ?? DEFAULT_TIME_ZONE);
        const record = {
          entitled: await membersOnDate(tx, openedOn),
          bodyCode: e.toBody,
          title: e.title,
          subject: e.subject,
          mode: 'meeting' as const,
          status: 'open' as const,
          openedAt: at,
          openedOn,
          deadline: null,
          effectiveAt: null,
          brokenBy: [],
          recommendedBy: decision.id,
          createdBy: null,
        };
        const id = await tx.decisions.insert(record);
        applied.push({ ...e, draftDecisionId: id });
        break;
      }
    }
  }
  return applied;
}

async function recordConclusion(ctx: Context, tx: Ports, actor: Actor | null, decision: DecisionRecord, outcome: { status: 'adopted' | 'not_adopted'; effectiveAt: string; brokenBy: string[] }, at: string) {
  await tx.decisions.conclude(decision.id, { status: outcome.status, concludedAt: at, effectiveAt: outcome.effectiveAt, brokenBy: outcome.brokenBy });
  const forum = await tx.registry.forum();
  const adoptedOn = dateInZone(outcome.effectiveAt, forum?.timeZone ?? DEFAULT_TIME_ZONE);
  const effects = await applyEffects(ctx, tx, decision, effectsOf(decision, outcome, adoptedOn), outcome.effectiveAt);
  await appendAudit(tx, { actor, action: 'decision.conclude', subject: `decision:${decision.id}`, payload: { ...outcome, effects }, at });
  await notifyDecision(ctx, tx, decision, outcome.status, at, outcome.brokenBy.length ? `Silence was broken by: ${outcome.brokenBy.join(', ')}.` : '');
  return { status: outcome.status, effectiveAt: outcome.effectiveAt, brokenBy: outcome.brokenBy, effects };
}

/** The chair's gavel in a meeting: adopted if no entitled participant objected in the room. */
export async function concludeDecision(ctx: Context, actor: Actor | null, decisionId: number) {
  authorize(actor, 'decision.facilitate');
  const at = nowIso(ctx);
  return ctx.store.transaction(async (tx) => {
    const decision = await loadDecision(tx, decisionId, true);
    const members = entitledMembers(decision);
    const acts = (await tx.decisions.acts(decision.id)).map((a) => a.act);
    const result = concludeMeeting(decision, { members, acts }, at);
    if (!result.ok) fail(result.problem);
    const e = result.evaluation;
    return recordConclusion(ctx, tx, actor, decision, { status: e.status as 'adopted' | 'not_adopted', effectiveAt: e.effectiveAt ?? at, brokenBy: e.brokenBy }, at);
  });
}

/**
 * The scheduler's job at a silence deadline. Idempotent and safe under concurrency: the decision is
 * locked, and a decision already concluded (by another instance, or before a restart) is left alone.
 * A deadline that passed while the server was down is concluded now, effective at the deadline.
 */
export async function concludeDueDecision(ctx: Context, job: JobRecord): Promise<void> {
  const { decisionId } = job.payload as { decisionId: number };
  const at = nowIso(ctx);
  await ctx.store.transaction(async (tx) => {
    const decision = await tx.decisions.get(decisionId, { lock: true });
    if (!decision || decision.status !== 'open' || jobAction(decision, { kind: 'conclude', key: job.key }, at, { reminderLeadMs: ctx.reminderLeadMs }) === 'skip') return;
    const e = evaluate(decision, { members: entitledMembers(decision), acts: (await tx.decisions.acts(decision.id)).map((a) => a.act), now: at });
    if (e.due !== 'conclude') return;
    await recordConclusion(ctx, tx, null, decision, { status: e.status as 'adopted' | 'not_adopted', effectiveAt: e.effectiveAt!, brokenBy: e.brokenBy }, at);
  });
}

/** The reminder job, some hours before the deadline (skipped if the deadline moved or passed). */
export async function remindDecision(ctx: Context, job: JobRecord): Promise<void> {
  const { decisionId } = job.payload as { decisionId: number };
  const at = nowIso(ctx);
  await ctx.store.transaction(async (tx) => {
    const decision = await tx.decisions.get(decisionId, { lock: true });
    if (!decision || decision.status !== 'open' || jobAction(decision, { kind: 'reminder', key: job.key }, at, { reminderLeadMs: ctx.reminderLeadMs }) === 'skip') return;
    await notifyDecision(ctx, tx, decision, 'reminder', at);
  });
}

/** The chair extends a silence deadline before it passes; everyone is told and new jobs replace the old. */
export async function extendDeadline(ctx: Context, actor: Actor | null, decisionId: number, deadline: string) {
  authorize(actor, 'decision.facilitate');
  const at = nowIso(ctx);
  return ctx.store.transaction(async (tx) => {
    const decision = await loadDecision(tx, decisionId, true);
    const check = checkExtension(decision, deadline, at);
    if (!check.ok) fail(check.problem);
    await tx.decisions.insertExtension(decision.id, check.extension, actor.userId);
    const extended = { ...decision, extensions: [...decision.extensions, check.extension] };
    for (const job of jobsFor(extended, { reminderLeadMs: ctx.reminderLeadMs })) await tx.jobs.enqueue({ key: job.key, kind: `decision.${job.kind}`, runAt: job.at, payload: { decisionId: decision.id } });
    await appendAudit(tx, { actor, action: 'decision.extend', subject: `decision:${decision.id}`, payload: check.extension, at });
    await notifyDecision(ctx, tx, extended, 'extended', at);
    return check.extension;
  });
}

/** The chair withdraws a decision that is still open (a text recirculated in a new version, say). */
export async function withdrawDecision(ctx: Context, actor: Actor | null, decisionId: number) {
  authorize(actor, 'decision.facilitate');
  const at = nowIso(ctx);
  return ctx.store.transaction(async (tx) => {
    const decision = await loadDecision(tx, decisionId, true);
    if (decision.status !== 'open') fail({ code: 'not_open', message: `This decision is already ${decision.status.replace('_', ' ')}.` });
    const check = checkWithdrawal(decision, at);
    if (!check.ok) fail(check.problem);
    await tx.decisions.conclude(decision.id, { status: 'withdrawn', concludedAt: at, effectiveAt: null, brokenBy: [] });
    await appendAudit(tx, { actor, action: 'decision.withdraw', subject: `decision:${decision.id}`, at });
    return { withdrawnAt: at };
  });
}
