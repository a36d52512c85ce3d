import { numberProvisions } from './numbering';
import { refuse, type Check, type Proposal, type Provision, type StanceRecord } from './types';

export interface Holdout {
  provisionId: string;
  num: string | null;
  /** Participants whose recorded stance is "cannot accept", sorted by code. */
  participants: string[];
}

export interface NegotiationOverview {
  total: number;
  agreed: number;
  agreedAdRef: number;
  bracketed: number;
  holdouts: Holdout[];
  /** Open proposals on provisions still in the text. */
  openProposals: number;
}

/**
 * Where the text stands: what is agreed, what is agreed ad ref pending capitals, what is still in
 * brackets, and which states hold which provisions out. Stances are taken in the order given, the
 * last one a state recorded on a provision being its current one.
 */
export function overview(provisions: readonly Provision[], proposals: readonly Proposal[], stances: readonly StanceRecord[]): NegotiationOverview {
  const numbers = numberProvisions(provisions);
  const ids = new Set(provisions.map((p) => p.id));
  const current = new Map<string, Map<string, StanceRecord['stance']>>();
  for (const s of stances) {
    if (!current.has(s.provisionId)) current.set(s.provisionId, new Map());
    current.get(s.provisionId)!.set(s.participant, s.stance);
  }
  const holdouts: Holdout[] = [];
  for (const p of provisions) {
    const participants = [...(current.get(p.id) ?? new Map<string, string>())]
      .filter(([, stance]) => stance === 'cannot_accept')
      .map(([participant]) => participant)
      .sort();
    if (participants.length > 0) holdouts.push({ provisionId: p.id, num: numbers.get(p.id) ?? null, participants });
  }
  const count = (status: Provision['status']): number => provisions.filter((p) => p.status === status).length;
  return {
    total: provisions.length,
    agreed: count('agreed'),
    agreedAdRef: count('agreed_ad_ref'),
    bracketed: count('bracketed'),
    holdouts,
    openProposals: proposals.filter((p) => p.state === 'open' && ids.has(p.provisionId)).length,
  };
}

/**
 * A provision cannot be agreed while a delegation's proposal on it is still open: the facilitator
 * first accepts it or does not retain it. A proposed new provision after it does not change its own
 * wording, so it does not hold it back.
 */
export function canMarkAgreed(provisionId: string, proposals: readonly Proposal[]): Check {
  const open = proposals.filter((p) => p.provisionId === provisionId && p.state === 'open' && p.type !== 'insert_after');
  if (open.length === 0) return { ok: true };
  const n = open.length;
  return refuse('open_proposals', `${n} proposal${n === 1 ? ' is' : 's are'} still open on this provision; accept or set ${n === 1 ? 'it' : 'them'} aside before marking it agreed.`);
}
