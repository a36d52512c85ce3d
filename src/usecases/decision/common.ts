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

/** Members on the opening date: the only participants whose objection counts. */
export async function entitledMembers(tx: Ports, decision: Pick<Decision, 'openedOn'>): Promise<Set<string>> {
  const statuses = await tx.registry.allStatuses();
  return membersOn([...statuses].map(([code, s]) => ({ code, statuses: s })), decision.openedOn);
}

export async function statusOnOpening(tx: Ports, participant: string, decision: Pick<Decision, 'openedOn'>) {
  return statusOn(await tx.registry.statuses(participant), decision.openedOn)?.status ?? null;
}
