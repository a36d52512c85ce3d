import { cleanContentHash, normalizeText, PROVISION_KINDS, type Provision, type ProvisionKind } from '../../core/negotiation';
import type { Actor } from '../../core/policy';
import { appendAudit } from '../audit';
import { authorize } from '../authorize';
import { nowIso, type Context } from '../context';
import { invalid, notFound } from '../errors';
import { newId, publish } from './common';

export interface CreateNegotiationInput {
  title: string;
  bodyCode: string;
  provisions: Array<{ kind: ProvisionKind; text: string }>;
  openToObservers?: boolean | undefined;
  note?: string | null | undefined;
}

export const MAX_PROVISIONS = 2000;

/** Table a draft: revision 0 is the text as created, every provision in brackets until agreed. */
export async function createNegotiation(ctx: Context, actor: Actor | null, input: CreateNegotiationInput) {
  authorize(actor, 'negotiation.create');
  const title = input.title.trim();
  if (!title) throw invalid('title_required', 'Give the negotiation a title, e.g. "Draft Declaration of the Seventh Summit".');
  if (input.provisions.length === 0) throw invalid('provisions_required', 'A draft needs at least one provision.');
  if (input.provisions.length > MAX_PROVISIONS) throw invalid('too_many_provisions', `A draft can have at most ${MAX_PROVISIONS} provisions.`);
  const draft: Provision[] = input.provisions.map((p, i) => {
    if (!PROVISION_KINDS.includes(p.kind)) throw invalid('kind_invalid', `Provision ${i + 1}: the kind must be heading, pp, op or sub.`);
    const text = normalizeText(p.text);
    if (!text) throw invalid('text_required', `Provision ${i + 1} has no text.`);
    if (p.kind === 'sub' && !['op', 'sub'].includes(input.provisions[i - 1]?.kind ?? '')) {
      throw invalid('kind_not_allowed', `Provision ${i + 1}: a sub-item must follow an operative paragraph or another sub-item.`);
    }
    return { id: newId('pr'), kind: p.kind, text, status: 'bracketed' };
  });
  const at = nowIso(ctx);
  const { id, events } = await ctx.store.transaction(async (tx) => {
    const bodies = await tx.registry.bodies();
    if (!bodies.some((b) => b.code === input.bodyCode)) throw notFound('body_not_found', `No body has the code ${input.bodyCode}.`);
    const id = await tx.negotiations.insert({
      title,
      bodyCode: input.bodyCode,
      openToObservers: input.openToObservers ?? false,
      note: input.note?.trim() || null,
      revision: 0,
      createdBy: actor.userId,
      createdAt: at,
    });
    await tx.negotiations.saveDraft(id, draft);
    await tx.negotiations.insertRevision({ negotiationId: id, number: 0, issuedAt: at, issuedBy: actor.userId, provisions: draft, contentHash: cleanContentHash(draft) });
    await appendAudit(tx, { actor, action: 'negotiation.create', subject: `negotiation:${id}`, payload: { title, bodyCode: input.bodyCode, provisions: draft.length }, at });
    const event = await tx.negotiations.appendEvent(id, at, 'negotiation.created', { title });
    return { id, events: [event] };
  });
  publish(ctx, events);
  return { id };
}
