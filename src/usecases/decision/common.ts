import { membersOn, PROBLEM_KINDS, type Decision, type Problem, type ProblemCode } from '../../core/consensus';
import { statusOn } from '../../core/registry';
import { AppError } from '../errors';
import { notFound } from '../errors';
import type { DecisionRecord, Ports } from '../ports';

export const DEFAULT_SYMBOL_PATTERN = '{FORUM}/{BODY}/{YEAR}/{N}';

export function fail(problem: Problem | { code: string; message: string }): never {
  throw new AppError(PROBLEM_KINDS[problem.code as ProblemCode] ?? 'invalid', problem.code, problem.message);
}

export async function loadDecision(tx: Ports, id: number, lock = false): Promise<DecisionRecord> {
  const d = await tx.decisions.get(id, { lock });
  if (!d) throw notFound('decision_not_found', `No decision has the id ${id}.`);
  return d;
}

/** Members on a date, from the registry: read once, when a decision opens. */
export async function membersOnDate(tx: Ports, date: string): Promise<string[]> {
  const statuses = await tx.registry.allStatuses();
  return [...membersOn([...statuses].map(([code, s]) => ({ code, statuses: s })), date)].sort();
}

/** The members on the opening date, as fixed when the decision opened: the only ones whose objection counts. */
export function entitledMembers(decision: Pick<DecisionRecord, 'entitled'>): Set<string> {
  return new Set(decision.entitled);
}

/** A participant's standing on the opening date: member only if it was among the members fixed then. */
export async function statusOnOpening(tx: Ports, participant: string, decision: Pick<Decision, 'openedOn'> & Pick<DecisionRecord, 'entitled'>) {
  if (decision.entitled.includes(participant)) return 'member' as const;
  const status = statusOn(await tx.registry.statuses(participant), decision.openedOn)?.status ?? null;
  return status === 'member' ? null : status;
}
