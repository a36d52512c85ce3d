import type { Instant } from '../dates';
import { currentDeadline, ms, type Decision } from './types';

/**
 * The timed jobs a silence procedure needs: a reminder some time before the deadline, and the
 * conclusion at the deadline. Each job has an idempotency key that names the deadline it was made
 * for: when the chair extends the deadline, new keys are scheduled, and the old jobs, still in the
 * queue, find their key no longer current and do nothing. A decision in a meeting needs no jobs.
 */

export interface ScheduledJob {
  kind: 'reminder' | 'conclude';
  at: Instant;
  key: string;
}

export const DEFAULT_REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

const iso = (t: number): Instant => new Date(t).toISOString();

export function jobsFor(decision: Decision, options: { reminderLeadMs?: number } = {}): ScheduledJob[] {
  if (decision.mode !== 'silence' || decision.withdrawnAt || decision.concludedAt) return [];
  const deadline = currentDeadline(decision);
  if (deadline === null || Number.isNaN(ms(deadline))) return [];
  const due = ms(deadline);
  const stamp = iso(due);
  const jobs: ScheduledJob[] = [];
  const lead = options.reminderLeadMs ?? DEFAULT_REMINDER_LEAD_MS;
  const remindAt = due - lead;
  // A procedure launched with less time than the lead gets no reminder: the launch notice is the reminder.
  if (lead > 0 && remindAt > ms(decision.openedAt)) {
    jobs.push({ kind: 'reminder', at: iso(remindAt), key: `decision:${decision.id}:reminder:${stamp}` });
  }
  jobs.push({ kind: 'conclude', at: stamp, key: `decision:${decision.id}:conclude:${stamp}` });
  return jobs;
}

/**
 * What a worker does with a job it picked up at `now`: run it, or skip it because the deadline
 * moved, the decision was withdrawn or concluded, or (for a reminder found late, e.g. after the
 * server was down) the deadline has already passed.
 */
export function jobAction(decision: Decision, job: Pick<ScheduledJob, 'kind' | 'key'>, now: Instant, options: { reminderLeadMs?: number } = {}): 'run' | 'skip' {
  const current = jobsFor(decision, options).find((j) => j.key === job.key && j.kind === job.kind);
  if (!current) return 'skip';
  if (job.kind === 'reminder') {
    const deadline = currentDeadline(decision);
    if (deadline === null || !(ms(now) < ms(deadline))) return 'skip';
  }
  return 'run';
}
