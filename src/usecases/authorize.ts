import { chairOn, statusOn } from '../core/registry';
import { decide, type Action, type Actor, type Target } from '../core/policy';
import { AppError } from './errors';
import type { Ports, UserRecord } from './ports';

/** Build the actor for a user on a date: its participant's status and chairmanship on that day. */
export async function actorFor(ports: Ports, user: UserRecord, today: string, secondFactor: boolean): Promise<Actor> {
  let participantStatus = null;
  let isChair = false;
  if (user.participant) {
    participantStatus = statusOn(await ports.registry.statuses(user.participant), today)?.status ?? null;
    isChair = chairOn(await ports.registry.chairTerms(), today)?.participant === user.participant;
  }
  return {
    userId: user.id,
    role: user.role,
    participant: user.participant,
    functions: user.functions,
    participantStatus,
    isChair,
    secondFactor,
  };
}

/** Throw the policy's refusal as an error the HTTP layer turns into 401 or 403. */
export function authorize(actor: Actor | null, action: Action, target?: Target): asserts actor is Actor {
  const verdict = decide(actor, action, target);
  if (!verdict.allowed) {
    throw new AppError(verdict.reason === 'unauthenticated' ? 'unauthenticated' : 'forbidden', verdict.reason, verdict.message);
  }
}
