import { checkAmendment, checkObjection, checkRoomObjection, checkStatement, evaluate, type Act, type StatementKind } from '../../core/consensus';
import type { Actor } from '../../core/policy';
import { appendAudit } from '../audit';
import { authorize } from '../authorize';
import { nowIso, type Context } from '../context';
import { invalid } from '../errors';
import { entitledMembers, fail, loadDecision, statusOnOpening } from './common';
import { notifyDecision } from './notify';

/**
 * A head of delegation breaks silence in writing: an objection with its reasons, or an amendment.
 * The server's clock decides: an objection stamped after the deadline is refused even if it was sent before.
 */
export async function breakSilence(ctx: Context, actor: Actor | null, decisionId: number, input: { reason?: string | null | undefined; amendment?: string | null | undefined }) {
  authorize(actor, 'decision.act');
  const at = nowIso(ctx);
  return ctx.store.transaction(async (tx) => {
    const decision = await loadDecision(tx, decisionId, true);
    const acting = { participant: actor.participant!, status: await statusOnOpening(tx, actor.participant!, decision), byHead: actor.functions.includes('head'), now: at };
    const act: Act = input.amendment?.trim()
      ? { kind: 'amendment', participant: acting.participant, text: input.amendment.trim(), at, byHead: acting.byHead }
      : { kind: 'objection', participant: acting.participant, reason: (input.reason ?? '').trim(), at, byHead: acting.byHead };
    const check = act.kind === 'amendment' ? checkAmendment(decision, { ...acting, text: act.text }) : checkObjection(decision, { ...acting, reason: act.reason });
    if (!check.ok) fail(check.problem);
    const wasBroken = evaluate(decision, { members: entitledMembers(decision), acts: (await tx.decisions.acts(decision.id)).map((a) => a.act), now: at }).brokenBy.length > 0;
    const id = await tx.decisions.insertAct(decision.id, act, actor.userId);
    await appendAudit(tx, { actor, action: `decision.${act.kind}`, subject: `decision:${decision.id}`, payload: act, at });
    if (!wasBroken) {
      const why = act.kind === 'objection' ? `Objection by ${act.participant}: ${act.reason}` : `Amendment by ${act.participant}: ${act.text}`;
      await notifyDecision(ctx, tx, decision, 'silence_broken', at, why);
    }
    return { id, act };
  });
}

/** An interpretative statement or a formal reservation, attached to the decision for good. */
export async function attachStatement(ctx: Context, actor: Actor | null, decisionId: number, input: { kind: StatementKind; text: string }) {
  authorize(actor, 'decision.act');
  const at = nowIso(ctx);
  return ctx.store.transaction(async (tx) => {
    const decision = await loadDecision(tx, decisionId, true);
    const acting = { participant: actor.participant!, status: await statusOnOpening(tx, actor.participant!, decision), byHead: actor.functions.includes('head'), now: at };
    const check = checkStatement(decision, { ...acting, kind: input.kind, text: input.text });
    if (!check.ok) fail(check.problem);
    const act: Act = { kind: 'statement', participant: acting.participant, statementKind: input.kind, text: input.text.trim(), at, byHead: acting.byHead };
    const id = await tx.decisions.insertAct(decision.id, act, actor.userId);
    await appendAudit(tx, { actor, action: 'decision.statement', subject: `decision:${decision.id}`, payload: act, at });
    return { id, act };
  });
}

/** In a meeting, the chair (or the secretariat for the chair) records an objection raised in the room. */
export async function recordRoomObjection(ctx: Context, actor: Actor | null, decisionId: number, input: { participant: string; reason?: string | null | undefined }) {
  authorize(actor, 'decision.facilitate');
  const at = nowIso(ctx);
  const participant = input.participant.toUpperCase();
  return ctx.store.transaction(async (tx) => {
    const decision = await loadDecision(tx, decisionId, true);
    if (!(await tx.registry.participant(participant))) throw invalid('participant_not_found', `No participant has the code ${participant}.`);
    const check = checkRoomObjection(decision, { participant, status: await statusOnOpening(tx, participant, decision), now: at });
    if (!check.ok) fail(check.problem);
    const act: Act = { kind: 'room_objection', participant, recordedBy: actor.userId, reason: input.reason?.trim() || null, at };
    const id = await tx.decisions.insertAct(decision.id, act, actor.userId);
    await appendAudit(tx, { actor, action: 'decision.room_objection', subject: `decision:${decision.id}`, payload: act, at });
    return { id, act };
  });
}
