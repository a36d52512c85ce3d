import type { Instant, IsoDate } from '../dates';
import { statusOn, type StatusPeriod } from '../registry';
import { currentDeadline, ms, refuse, type Act, type Decision, type DecisionStatus, type Problem } from './types';

export type IgnoredReason = 'late' | 'not_member' | 'not_head' | 'wrong_mode';

export interface Evaluation {
  status: DecisionStatus;
  /** 'conclude' once a silence deadline has passed and nobody has yet recorded the outcome. */
  due: 'none' | 'conclude';
  /** When adoption (or failure) takes effect: the deadline itself in a silence procedure, the gavel in a meeting. */
  effectiveAt: Instant | null;
  /**
   * States whose objection or amendment counts, sorted. In a silence procedure still running, a
   * non-empty list means silence is already broken: the outcome at the deadline is settled.
   */
  brokenBy: string[];
  /** Acts that count (objections, amendments, room objections and statements), in time order. */
  countedActs: Act[];
  ignoredActs: Array<{ act: Act; reason: IgnoredReason }>;
  /** The deadline in force, after extensions; null in a meeting. */
  deadline: Instant | null;
}

export interface EvaluationContext {
  /** Participants that were members on `decision.openedOn` (membersOn). */
  members: ReadonlySet<string>;
  acts: readonly Act[];
  now: Instant;
}

/** The participants that were members on a date: the only ones entitled to object to a decision opened that day. */
export function membersOn(participants: ReadonlyArray<{ code: string; statuses: readonly StatusPeriod[] }>, date: IsoDate): Set<string> {
  const members = new Set<string>();
  for (const p of participants) if (statusOn(p.statuses, date)?.status === 'member') members.add(p.code);
  return members;
}

const breaksConsensus = (act: Act): boolean => act.kind !== 'statement';

/** An unreadable time sorts last (and never counts: see screen). */
const timeOf = (act: Act): number => {
  const t = ms(act.at);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};

/** A total order on acts, so that the evaluation never depends on the order in which acts arrived. */
function byTime(a: Act, b: Act): number {
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a.participant !== b.participant) return a.participant < b.participant ? -1 : 1;
  const ka = JSON.stringify(a);
  const kb = JSON.stringify(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Why an act does not count, or null if it does. In a silence procedure an act counts only if it was
 * received strictly before the deadline in force; in a meeting, only if recorded no later than the
 * chair's conclusion (a statement made "at adoption" belongs with the decision).
 */
function screen(decision: Decision, members: ReadonlySet<string>, act: Act): IgnoredReason | null {
  const at = ms(act.at);
  if (decision.mode === 'silence') {
    if (act.kind === 'room_objection') return 'wrong_mode';
    const deadline = currentDeadline(decision);
    if (deadline === null || !(at < ms(deadline))) return 'late';
  } else {
    if (act.kind === 'objection' || act.kind === 'amendment') return 'wrong_mode';
    if (decision.concludedAt && !(at <= ms(decision.concludedAt))) return 'late';
  }
  if (!members.has(act.participant)) return 'not_member';
  if (act.kind !== 'room_objection' && !act.byHead) return 'not_head';
  return null;
}

/**
 * The state of a decision at `now` and what is due. Consensus is the absence of a counted objection:
 * there is no count of support, and a statement never changes the outcome.
 */
export function evaluate(decision: Decision, ctx: EvaluationContext): Evaluation {
  const deadline = decision.mode === 'silence' ? currentDeadline(decision) : null;
  const countedActs: Act[] = [];
  const ignoredActs: Evaluation['ignoredActs'] = [];
  for (const act of [...ctx.acts].sort(byTime)) {
    const reason = screen(decision, ctx.members, act);
    if (reason === null) countedActs.push(act);
    else ignoredActs.push({ act, reason });
  }
  const brokenBy = [...new Set(countedActs.filter(breaksConsensus).map((a) => a.participant))].sort();
  const base = { brokenBy, countedActs, ignoredActs, deadline };

  if (decision.withdrawnAt) return { ...base, status: 'withdrawn', due: 'none', effectiveAt: null };

  if (decision.mode === 'meeting') {
    if (!decision.concludedAt) return { ...base, status: 'open', due: 'none', effectiveAt: null };
    return { ...base, status: brokenBy.length === 0 ? 'adopted' : 'not_adopted', due: 'none', effectiveAt: decision.concludedAt };
  }

  // A silence procedure is decided by the clock alone: at the deadline, adopted unless broken,
  // effective at the deadline itself however late the outcome is recorded.
  if (deadline === null || !(ms(ctx.now) >= ms(deadline))) return { ...base, status: 'open', due: 'none', effectiveAt: null };
  return {
    ...base,
    status: brokenBy.length === 0 ? 'adopted' : 'not_adopted',
    due: decision.concludedAt ? 'none' : 'conclude',
    effectiveAt: deadline,
  };
}

export type Conclusion = { ok: true; decision: Decision; evaluation: Evaluation } | { ok: false; problem: Problem };

/**
 * The chair's gavel: "I see no objection; it is so decided" — or the objecting states are named.
 * Only for decisions taken in a meeting that are still open.
 */
export function concludeMeeting(decision: Decision, ctx: Omit<EvaluationContext, 'now'>, at: Instant): Conclusion {
  if (Number.isNaN(ms(at))) return refuse('invalid_instant', `"${at}" is not a date and time.`);
  if (decision.mode !== 'meeting') {
    return refuse('silence_mode', 'A silence procedure concludes at its deadline; it is not concluded by the chair in a meeting.');
  }
  if (decision.withdrawnAt) return refuse('not_open', 'This decision was withdrawn.');
  if (decision.concludedAt) return refuse('already_concluded', `This decision was already concluded at ${decision.concludedAt}.`);
  const concluded = { ...decision, concludedAt: at };
  return { ok: true, decision: concluded, evaluation: evaluate(concluded, { ...ctx, now: at }) };
}

/**
 * Recording the outcome of a silence procedure once its deadline has passed (by the scheduler, or the
 * chair). The outcome is effective at the deadline, not at `at`.
 */
export function concludeSilence(decision: Decision, ctx: Omit<EvaluationContext, 'now'>, at: Instant): Conclusion {
  if (Number.isNaN(ms(at))) return refuse('invalid_instant', `"${at}" is not a date and time.`);
  if (decision.mode !== 'silence') return refuse('meeting_mode', 'A decision in a meeting is concluded by the chair, not at a deadline.');
  if (decision.withdrawnAt) return refuse('not_open', 'This silence procedure was withdrawn.');
  if (decision.concludedAt) return refuse('already_concluded', `This silence procedure was already concluded at ${decision.concludedAt}.`);
  const deadline = currentDeadline(decision);
  if (deadline === null) return refuse('deadline_required', 'This silence procedure has no deadline.');
  if (ms(at) < ms(deadline)) return refuse('deadline_not_reached', `The silence procedure runs until ${deadline}; it cannot be concluded before.`);
  const concluded = { ...decision, concludedAt: at };
  return { ok: true, decision: concluded, evaluation: evaluate(concluded, { ...ctx, now: at }) };
}

/** Either mode: what `POST /decisions/{id}/conclude` and the deadline job both call. */
export function conclude(decision: Decision, ctx: Omit<EvaluationContext, 'now'>, at: Instant): Conclusion {
  return decision.mode === 'meeting' ? concludeMeeting(decision, ctx, at) : concludeSilence(decision, ctx, at);
}
