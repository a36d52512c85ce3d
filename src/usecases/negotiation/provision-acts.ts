import { canMarkAgreed, type ProvisionStatus, type Stance } from '../../core/negotiation';
import type { Actor } from '../../core/policy';
import { appendAudit } from '../audit';
import { authorize } from '../authorize';
import { nowIso, type Context } from '../context';
import { notFound } from '../errors';
import type { Ports } from '../ports';
import { fail, lockNegotiation, publish } from './common';

async function loadProvision(tx: Ports, negotiationId: number, provisionId: string) {
  const n = await lockNegotiation(tx, negotiationId);
  const draft = await tx.negotiations.provisions(n.id);
  const provision = draft.find((p) => p.id === provisionId);
  if (!provision) throw notFound('provision_not_found', `This text has no provision ${provisionId}; it may have been deleted. Reload the text.`);
  return { n, draft, provision };
}

/** A head of delegation records the state's stance on a provision: accept, ad ref, or cannot accept. */
export async function recordStance(ctx: Context, actor: Actor | null, negotiationId: number, provisionId: string, stance: Stance) {
  const at = nowIso(ctx);
  const events = await ctx.store.transaction(async (tx) => {
    const { n } = await loadProvision(tx, negotiationId, provisionId);
    authorize(actor, 'negotiation.read', { openToObservers: n.openToObservers });
    authorize(actor, 'negotiation.stance');
    await tx.negotiations.saveStance(n.id, { provisionId, participant: actor.participant!, stance }, at, actor.userId);
    await appendAudit(tx, { actor, action: 'provision.stance', subject: `provision:${provisionId}`, payload: { negotiationId: n.id, stance }, at });
    return [await tx.negotiations.appendEvent(n.id, at, 'provision.stance', { provisionId, participant: actor.participant, stance })];
  });
  publish(ctx, events);
  return { provisionId, participant: actor!.participant!, stance };
}

/** The facilitator brackets a provision, or records it agreed ad ref or agreed. */
export async function setProvisionStatus(ctx: Context, actor: Actor | null, negotiationId: number, provisionId: string, status: ProvisionStatus) {
  const at = nowIso(ctx);
  const events = await ctx.store.transaction(async (tx) => {
    const { n, draft } = await loadProvision(tx, negotiationId, provisionId);
    authorize(actor, 'negotiation.facilitate');
    if (status !== 'bracketed') {
      // "Agreed" is a claim about the whole room: not while a delegation's proposal on it is still open.
      const check = canMarkAgreed(provisionId, await tx.negotiations.proposals(n.id));
      if (!check.ok) fail(check.problem);
    }
    await tx.negotiations.saveDraft(n.id, draft.map((p) => (p.id === provisionId ? { ...p, status } : p)));
    await appendAudit(tx, { actor, action: 'provision.status', subject: `provision:${provisionId}`, payload: { negotiationId: n.id, status }, at });
    return [await tx.negotiations.appendEvent(n.id, at, 'provision.status', { provisionId, status })];
  });
  publish(ctx, events);
  return { provisionId, status };
}
