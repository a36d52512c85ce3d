import { notRetainProposal, recordPosition, withdrawProposal, acceptProposal, settleProposals } from '../../core/negotiation';
import type { Actor } from '../../core/policy';
import { appendAudit } from '../audit';
import { authorize } from '../authorize';
import { nowIso, type Context } from '../context';
import { notFound } from '../errors';
import type { Ports, StoredProposal } from '../ports';
import { fail, lockNegotiation, newId, publish, stored } from './common';

async function loadProposal(tx: Ports, id: string) {
  const p = await tx.negotiations.proposal(id);
  if (!p) throw notFound('proposal_not_found', `No proposal has the id ${id}.`);
  const n = await lockNegotiation(tx, p.negotiationId);
  // Re-read under the lock: another act may have changed it a moment ago.
  return { n, p: (await tx.negotiations.proposal(id))! };
}

/** Another member state supports or opposes a proposal ("supported by China"); "none" takes it back. */
export async function takePosition(ctx: Context, actor: Actor | null, proposalId: string, position: 'support' | 'oppose' | 'none') {
  const at = nowIso(ctx);
  const { proposal, events } = await ctx.store.transaction(async (tx) => {
    const { n, p } = await loadProposal(tx, proposalId);
    authorize(actor, 'negotiation.read', { openToObservers: n.openToObservers });
    authorize(actor, 'negotiation.propose');
    const outcome = recordPosition(p, actor.participant!, position);
    if (!outcome.ok) fail(outcome.problem);
    const proposal = stored(outcome.proposal, p);
    await tx.negotiations.updateProposal(proposal);
    await appendAudit(tx, { actor, action: `proposal.${position === 'none' ? 'position_withdrawn' : position}`, subject: `proposal:${p.id}`, payload: { negotiationId: n.id }, at });
    const event = await tx.negotiations.appendEvent(n.id, at, 'proposal.position', { proposalId: p.id, participant: actor.participant, position });
    return { proposal, events: [event] };
  });
  publish(ctx, events);
  return proposal;
}

/** The proposing state withdraws its own proposal. */
export async function withdrawOwnProposal(ctx: Context, actor: Actor | null, proposalId: string) {
  const at = nowIso(ctx);
  const { proposal, events } = await ctx.store.transaction(async (tx) => {
    const { n, p } = await loadProposal(tx, proposalId);
    authorize(actor, 'negotiation.read', { openToObservers: n.openToObservers });
    authorize(actor, 'negotiation.withdraw', { participant: p.author });
    const outcome = withdrawProposal(p, actor.participant!);
    if (!outcome.ok) fail(outcome.problem);
    const proposal = stored(outcome.proposal, { ...p, resolvedAt: at, resolvedBy: actor.userId });
    await tx.negotiations.updateProposal(proposal);
    await appendAudit(tx, { actor, action: 'proposal.withdraw', subject: `proposal:${p.id}`, payload: { negotiationId: n.id }, at });
    const event = await tx.negotiations.appendEvent(n.id, at, 'proposal.withdrawn', { proposalId: p.id });
    return { proposal, events: [event] };
  });
  publish(ctx, events);
  return proposal;
}

/**
 * The facilitator accepts a proposal into the text, or does not retain it. Accepting changes the
 * draft; every other open proposal is then rebased onto the new wording, flagged, or superseded.
 */
export async function resolveProposal(ctx: Context, actor: Actor | null, proposalId: string, outcome: 'accepted' | 'not_retained') {
  const at = nowIso(ctx);
  const result = await ctx.store.transaction(async (tx) => {
    const { n, p } = await loadProposal(tx, proposalId);
    authorize(actor, 'negotiation.facilitate');
    const resolved = { resolvedAt: at, resolvedBy: actor.userId };
    if (outcome === 'not_retained') {
      const r = notRetainProposal(p);
      if (!r.ok) fail(r.problem);
      const proposal = stored(r.proposal, { ...p, ...resolved });
      await tx.negotiations.updateProposal(proposal);
      await appendAudit(tx, { actor, action: 'proposal.not_retained', subject: `proposal:${p.id}`, payload: { negotiationId: n.id }, at });
      const event = await tx.negotiations.appendEvent(n.id, at, 'proposal.resolved', { proposalId: p.id, outcome });
      return { proposal, events: [event] };
    }
    const before = await tx.negotiations.provisions(n.id);
    const accepted = acceptProposal(before, p, p.type === 'insert_after' ? newId('pr') : undefined);
    if (!accepted.ok) fail(accepted.problem);
    const all = await tx.negotiations.proposals(n.id);
    const settled = settleProposals(all, before, accepted.draft, p.id);
    await tx.negotiations.saveDraft(n.id, accepted.draft);
    const changed: StoredProposal[] = [];
    for (const [i, next] of settled.entries()) {
      const prev = all[i]!;
      if (JSON.stringify(next) === JSON.stringify(prev)) continue;
      const proposal = stored(next, next.id === p.id || (prev.state === 'open' && next.state !== 'open') ? { ...prev, ...resolved } : prev);
      await tx.negotiations.updateProposal(proposal);
      changed.push(proposal);
    }
    await appendAudit(tx, {
      actor,
      action: 'proposal.accept',
      subject: `proposal:${p.id}`,
      payload: { negotiationId: n.id, changedProvisionId: accepted.changedProvisionId, rebased: changed.filter((c) => c.id !== p.id).map((c) => ({ id: c.id, state: c.state, applies: c.applies })) },
      at,
    });
    const event = await tx.negotiations.appendEvent(n.id, at, 'proposal.resolved', { proposalId: p.id, outcome, changedProvisionId: accepted.changedProvisionId });
    return { proposal: changed.find((c) => c.id === p.id)!, events: [event] };
  });
  publish(ctx, result.events);
  return result.proposal;
}
