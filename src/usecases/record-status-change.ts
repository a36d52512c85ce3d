import { planStatusChange, type ParticipantStatus } from '../core/registry';
import type { Actor } from '../core/policy';
import { appendAudit } from './audit';
import { authorize } from './authorize';
import { nowIso, type Context } from './context';
import { conflict, invalid, notFound } from './errors';

export interface StatusChangeInput {
  status: ParticipantStatus;
  from: string;
  to?: string | null;
  reference?: string | null;
  note?: string | null;
}

/** Record that a participant holds a status from a date (closing the status it held before). */
export async function recordStatusChange(ctx: Context, actor: Actor | null, code: string, input: StatusChangeInput) {
  authorize(actor, 'registry.write');
  const at = nowIso(ctx);
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.registry.participant(code))) throw notFound('participant_not_found', `No participant has the code ${code}.`);
    const history = await tx.registry.statuses(code);
    const next = { status: input.status, from: input.from, to: input.to ?? null, reference: input.reference ?? null, note: input.note ?? null };
    const plan = planStatusChange(history, next);
    if (!plan.ok) {
      throw plan.problem.code === 'invalid_period' ? invalid(plan.problem.code, plan.problem.message) : conflict(plan.problem.code, plan.problem.message);
    }
    if (plan.close) await tx.registry.endStatus(code, plan.close.from, next.from);
    await tx.registry.insertStatus(code, next);
    await appendAudit(tx, { actor, action: 'participant.status', subject: `participant:${code}`, payload: next, at });
    return { code, statuses: await tx.registry.statuses(code) };
  });
}
