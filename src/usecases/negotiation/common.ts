import crypto from 'node:crypto';
import type { Problem, Proposal } from '../../core/negotiation';
import type { Actor } from '../../core/policy';
import { authorize } from '../authorize';
import type { Context } from '../context';
import { AppError, conflict, invalid, notFound } from '../errors';
import type { NegotiationEvent, NegotiationRecord, Ports, StoredProposal } from '../ports';

export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomBytes(6).toString('base64url')}`;
}

/** Load a negotiation for a write, holding it until the transaction ends. */
export async function lockNegotiation(tx: Ports, id: number): Promise<NegotiationRecord> {
  const n = await tx.negotiations.get(id, { lock: true });
  if (!n) throw notFound('negotiation_not_found', `No negotiation has the id ${id}.`);
  return n;
}

export async function readableNegotiation(ctx: Context, actor: Actor | null, id: number): Promise<NegotiationRecord> {
  const n = await ctx.store.read.negotiations.get(id);
  if (!n) throw notFound('negotiation_not_found', `No negotiation has the id ${id}.`);
  authorize(actor, 'negotiation.read', { openToObservers: n.openToObservers });
  return n;
}

/** Core refusals become 409 when they are about the state of things, 400 when about the request. */
const STATE_PROBLEMS = new Set(['not_open', 'not_author', 'own_proposal', 'provision_missing', 'no_longer_applies', 'stale_proposal', 'id_taken', 'open_proposals']);
export function fail(problem: Problem): never {
  if (problem.code === 'not_author') throw new AppError('forbidden', problem.code, problem.message);
  throw STATE_PROBLEMS.has(problem.code) ? conflict(problem.code, problem.message) : invalid(problem.code, problem.message);
}

export function stored(p: Proposal, base: StoredProposal): StoredProposal {
  return { ...base, ...p };
}

/** Hand committed events to whoever watches the negotiation live. */
export function publish(ctx: Context, events: NegotiationEvent[]): void {
  for (const e of events) ctx.events?.publish(e);
}
