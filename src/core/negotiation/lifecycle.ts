import { rebaseProposal } from './rebase';
import { refuse, type Problem, type Proposal, type Provision } from './types';
import { normalizeText } from './words';

type Outcome = { ok: true; proposal: Proposal } | { ok: false; problem: Problem };

const stateName = (p: Proposal): string => p.state.replace('_', ' ');

/** Only the proposing state may withdraw its proposal; the facilitator resolves, never withdraws. */
export function withdrawProposal(p: Proposal, participant: string): Outcome {
  if (p.state !== 'open') return refuse('not_open', `This proposal is already ${stateName(p)}.`);
  if (p.author !== participant) return refuse('not_author', 'Only the delegation that made a proposal can withdraw it.');
  return { ok: true, proposal: { ...p, state: 'withdrawn' } };
}

export function notRetainProposal(p: Proposal): Outcome {
  if (p.state !== 'open') return refuse('not_open', `This proposal is already ${stateName(p)}.`);
  return { ok: true, proposal: { ...p, state: 'not_retained' } };
}

/**
 * Records another state's support or opposition ("supported by China; opposed by India"). A state
 * holds one position on a proposal at a time; "none" takes it back.
 */
export function recordPosition(p: Proposal, participant: string, position: 'support' | 'oppose' | 'none'): Outcome {
  if (p.state !== 'open') return refuse('not_open', `This proposal is ${stateName(p)}; positions can only be taken on open proposals.`);
  if (p.author === participant) return refuse('own_proposal', 'A delegation supports its own proposal by making it.');
  const supporters = p.supporters.filter((c) => c !== participant);
  const opponents = p.opponents.filter((c) => c !== participant);
  if (position === 'support') supporters.push(participant);
  if (position === 'oppose') opponents.push(participant);
  return { ok: true, proposal: { ...p, supporters, opponents } };
}

/**
 * After the text changed from `before` to `after` (a proposal accepted, or the facilitator's edit),
 * bring every other open proposal in line: proposals on a provision that is gone are superseded,
 * and those on a provision whose wording changed are rebased or flagged. Others are returned as is.
 */
export function settleProposals(
  proposals: readonly Proposal[],
  before: readonly Provision[],
  after: readonly Provision[],
  acceptedId?: string,
): Proposal[] {
  const oldText = new Map(before.map((p) => [p.id, p.text]));
  const newText = new Map(after.map((p) => [p.id, p.text]));
  return proposals.map((p) => {
    if (p.id === acceptedId) return { ...p, state: 'accepted' };
    if (p.state !== 'open') return p;
    const current = newText.get(p.provisionId);
    if (current === undefined) return { ...p, state: 'superseded' };
    const previous = oldText.get(p.provisionId);
    const changed = previous === undefined || normalizeText(previous) !== normalizeText(current);
    return changed || normalizeText(p.baseText) !== normalizeText(current) ? rebaseProposal(p, current) : p;
  });
}
