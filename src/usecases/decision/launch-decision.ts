import { checkLaunch, checkSubject, jobsFor, type DecisionMode, type DecisionSubject } from '../../core/consensus';
import { dateInZone } from '../../core/dates';
import type { Actor } from '../../core/policy';
import { appendAudit } from '../audit';
import { authorize } from '../authorize';
import { DEFAULT_TIME_ZONE, nowIso, type Context } from '../context';
import { conflict, invalid, notFound } from '../errors';
import type { Ports } from '../ports';
import { fail, membersOnDate } from './common';
import { notifyDecision } from './notify';

export interface LaunchDecisionInput {
  bodyCode: string;
  title: string;
  subject: DecisionSubject;
  mode: DecisionMode;
  deadline?: string | null | undefined;
}

/** Pin a negotiation subject to the exact clean revision it adopts. */
async function pinSubject(tx: Ports, subject: DecisionSubject): Promise<DecisionSubject> {
  if (subject.type === 'recommendation') return { ...subject, recommended: await pinSubject(tx, subject.recommended) };
  if (subject.type === 'admission' || subject.type === 'chair') {
    if (!(await tx.registry.participant(subject.participant))) throw notFound('participant_not_found', `No participant has the code ${subject.participant}.`);
  }
  if (subject.type !== 'negotiation') return subject;
  const revision = await tx.negotiations.revision(subject.negotiationId, subject.revision);
  if (!revision) throw notFound('revision_not_found', `Negotiation ${subject.negotiationId} has no revision ${subject.revision}.`);
  const open = revision.provisions.filter((p) => p.status !== 'agreed');
  if (open.length > 0) {
    throw conflict('revision_not_clean', `Rev.${subject.revision} is not a clean text: ${open.length} provision(s) are not agreed. Agree every provision, issue a revision, and adopt that one.`);
  }
  if (subject.contentHash && subject.contentHash !== revision.contentHash) {
    throw conflict('content_hash_mismatch', `The text of Rev.${subject.revision} is not the one you were shown (its hash is ${revision.contentHash}).`);
  }
  return { ...subject, contentHash: revision.contentHash };
}

/** Open a decision: in a meeting, or by silence procedure with an exact deadline (stored in UTC). */
export async function launchDecision(ctx: Context, actor: Actor | null, input: LaunchDecisionInput, opts: { recommendedBy?: number } = {}) {
  authorize(actor, 'decision.launch');
  const now = nowIso(ctx);
  const title = input.title.trim();
  if (!title) throw invalid('title_required', 'Give the decision a title, e.g. "Admission of the State of Kuwait".');
  const subjectCheck = checkSubject(input.subject);
  if (!subjectCheck.ok) fail(subjectCheck.problem);
  const launch = checkLaunch({ mode: input.mode, deadline: input.deadline ?? null, now });
  if (!launch.ok) fail(launch.problem);
  const deadline = input.deadline ? new Date(input.deadline).toISOString() : null;
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.registry.bodies()).some((b) => b.code === input.bodyCode)) throw notFound('body_not_found', `No body has the code ${input.bodyCode}.`);
    const forum = await tx.registry.forum();
    const subject = await pinSubject(tx, input.subject);
    const openedOn = dateInZone(now, forum?.timeZone ?? DEFAULT_TIME_ZONE);
    const record = {
      entitled: await membersOnDate(tx, openedOn),
      bodyCode: input.bodyCode,
      title,
      subject,
      mode: input.mode,
      status: 'open' as const,
      openedAt: now,
      openedOn,
      deadline,
      effectiveAt: null,
      brokenBy: [],
      recommendedBy: opts.recommendedBy ?? null,
      createdBy: actor.userId,
    };
    const id = await tx.decisions.insert(record);
    for (const job of jobsFor({ ...record, id, extensions: [] }, { reminderLeadMs: ctx.reminderLeadMs })) {
      await tx.jobs.enqueue({ key: job.key, kind: `decision.${job.kind}`, runAt: job.at, payload: { decisionId: id } });
    }
    await appendAudit(tx, { actor, action: 'decision.launch', subject: `decision:${id}`, payload: { bodyCode: input.bodyCode, title, mode: input.mode, deadline, subject }, at: now });
    if (input.mode === 'silence') await notifyDecision(ctx, tx, { ...record, id, extensions: [] }, 'launched', now);
    return { id };
  });
}
