import { planChairTerm } from '../core/registry';
import type { Actor } from '../core/policy';
import { appendAudit } from './audit';
import { authorize } from './authorize';
import { nowIso, type Context } from './context';
import { conflict, invalid, notFound } from './errors';

export interface ChairmanshipInput {
  participant: string;
  from: string;
  to?: string | null;
  reference?: string | null;
  note?: string | null;
}

/** Record a chairmanship term; the term in office on its first day ends that day. */
export async function recordChairmanship(ctx: Context, actor: Actor | null, input: ChairmanshipInput) {
  authorize(actor, 'registry.write');
  const at = nowIso(ctx);
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.registry.participant(input.participant))) {
      throw notFound('participant_not_found', `No participant has the code ${input.participant}.`);
    }
    const term = { participant: input.participant, from: input.from, to: input.to ?? null, reference: input.reference ?? null, note: input.note ?? null };
    const plan = planChairTerm(await tx.registry.chairTerms(), term);
    if (!plan.ok) {
      throw plan.problem.code === 'invalid_period' ? invalid(plan.problem.code, plan.problem.message) : conflict(plan.problem.code, plan.problem.message);
    }
    if (plan.close) await tx.registry.endChairTerm(plan.close.participant, plan.close.from, term.from);
    await tx.registry.insertChairTerm(term);
    await appendAudit(tx, { actor, action: 'chairmanship.record', subject: `participant:${term.participant}`, payload: term, at });
    return term;
  });
}
