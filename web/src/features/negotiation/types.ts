import type { z } from 'zod';
import type * as N from '../../../../src/contract/negotiation';
import type { Me } from '../../types';

export type Negotiation = z.infer<typeof N.Negotiation>;
export type NegotiationSummary = z.infer<typeof N.NegotiationSummary>;
export type Provision = Negotiation['provisions'][number];
export type Proposal = z.infer<typeof N.Proposal>;
export type ProvisionKind = z.infer<typeof N.ProvisionKind>;
export type ProvisionStatus = z.infer<typeof N.ProvisionStatus>;
export type ProposalType = z.infer<typeof N.ProposalType>;
export type Stance = z.infer<typeof N.Stance>;
export type NewProposal = z.input<typeof N.NewProposal>;
export type NewNegotiation = z.input<typeof N.NewNegotiation>;
export type RevisionDiff = z.infer<typeof N.RevisionDiff>;

export const KINDS: ProvisionKind[] = ['heading', 'pp', 'op', 'sub'];
export const STATUSES: ProvisionStatus[] = ['bracketed', 'agreed_ad_ref', 'agreed'];
export const STANCES: Stance[] = ['accept', 'ad_ref', 'cannot_accept'];
export type Filter = 'all' | 'open' | 'mine' | 'agreed' | 'contested';
export const FILTERS: Filter[] = ['all', 'open', 'mine', 'agreed', 'contested'];

/** What the signed-in person may do here; the server decides in the end, this only hides what would be refused. */
export interface Abilities {
  /** Participant code of the reader's delegation, if any. */
  delegation: string | null;
  propose: boolean;
  stance: boolean;
  facilitate: boolean;
}

export function abilitiesOf(me: Me | null | undefined): Abilities {
  if (!me) return { delegation: null, propose: false, stance: false, facilitate: false };
  const negotiator = me.role === 'delegate' && me.participant !== null && (me.functions.includes('head') || me.functions.includes('delegate'));
  const member = negotiator && me.participant?.status === 'member';
  return {
    delegation: me.participant?.code ?? null,
    propose: member,
    stance: member && me.functions.includes('head'),
    facilitate: me.role === 'secretariat' || (negotiator && me.isChair),
  };
}
