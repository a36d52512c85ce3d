import { makeProposal, type ProvisionKind, type ProposalType, type WordRange } from '../../core/negotiation';
import type { Actor } from '../../core/policy';
import { appendAudit } from '../audit';
import { authorize } from '../authorize';
import { nowIso, type Context } from '../context';
import { notFound } from '../errors';
import { fail, lockNegotiation, newId, publish } from './common';

export interface ProposalRequest {
  provisionId: string;
  type: ProposalType;
  text?: string | null | undefined;
  range?: WordRange | null | undefined;
  newKind?: ProvisionKind | undefined;
  justification?: string | null | undefined;
}

/** A member delegation proposes: amend words, an alternative, a new provision after, or deletion. */
export async function submitProposal(ctx: Context, actor: Actor | null, negotiationId: number, input: ProposalRequest) {
  const at = nowIso(ctx);
  const { proposal, events } = await ctx.store.transaction(async (tx) => {
    const n = await lockNegotiation(tx, negotiationId);
    authorize(actor, 'negotiation.read', { openToObservers: n.openToObservers });
    authorize(actor, 'negotiation.propose');
    const provision = (await tx.negotiations.provisions(n.id)).find((p) => p.id === input.provisionId);
    if (!provision) throw notFound('provision_not_found', `This text has no provision ${input.provisionId}; it may have been deleted. Reload the text.`);
    const made = makeProposal(
      provision,
      { type: input.type, text: input.text ?? null, range: input.range ?? null, justification: input.justification ?? null, ...(input.newKind ? { newKind: input.newKind } : {}) },
      { id: newId('pp'), author: actor.participant! },
    );
    if (!made.ok) fail(made.problem);
    const existing = await tx.negotiations.proposals(n.id);
    const proposal = { ...made.proposal, negotiationId: n.id, seq: existing.length + 1, createdBy: actor.userId, createdAt: at, resolvedAt: null, resolvedBy: null };
    await tx.negotiations.insertProposal(proposal);
    await appendAudit(tx, {
      actor,
      action: 'proposal.submit',
      subject: `proposal:${proposal.id}`,
      payload: { negotiationId: n.id, provisionId: provision.id, type: proposal.type, text: proposal.text, range: proposal.range },
      at,
    });
    const event = await tx.negotiations.appendEvent(n.id, at, 'proposal.submitted', { proposalId: proposal.id, provisionId: provision.id, author: proposal.author, type: proposal.type });
    return { proposal, events: [event] };
  });
  publish(ctx, events);
  return proposal;
}
