import { cleanContentHash } from '../../core/negotiation';
import type { Actor } from '../../core/policy';
import { appendAudit } from '../audit';
import { authorize } from '../authorize';
import { nowIso, type Context } from '../context';
import { lockNegotiation, publish } from './common';

/** The facilitator issues the next revision (Rev.1, Rev.2 …): an immutable snapshot of the draft. */
export async function issueRevision(ctx: Context, actor: Actor | null, negotiationId: number) {
  const at = nowIso(ctx);
  const { revision, events } = await ctx.store.transaction(async (tx) => {
    const n = await lockNegotiation(tx, negotiationId);
    authorize(actor, 'negotiation.facilitate');
    const provisions = await tx.negotiations.provisions(n.id);
    const revision = { negotiationId: n.id, number: n.revision + 1, issuedAt: at, issuedBy: actor.userId, provisions, contentHash: cleanContentHash(provisions) };
    await tx.negotiations.insertRevision(revision);
    await tx.negotiations.setRevision(n.id, revision.number);
    await appendAudit(tx, { actor, action: 'negotiation.revision', subject: `negotiation:${n.id}`, payload: { number: revision.number, contentHash: revision.contentHash }, at });
    const event = await tx.negotiations.appendEvent(n.id, at, 'revision.issued', { number: revision.number, contentHash: revision.contentHash });
    return { revision, events: [event] };
  });
  publish(ctx, events);
  return { number: revision.number, issuedAt: revision.issuedAt, contentHash: revision.contentHash };
}
