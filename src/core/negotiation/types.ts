/**
 * The negotiation text model (PRODUCT.md §N). A draft is an ordered list of provisions; each carries
 * an opaque id chosen by the caller, because delegations refer to "OP 3" while the text moves under
 * them: numbers are derived for display, ids are what proposals, stances and revisions point at.
 */

export const PROVISION_KINDS = ['heading', 'pp', 'op', 'sub'] as const;
/** heading = section title; pp / op = preambular / operative paragraph; sub = sub-item (a), (b) of the preceding paragraph. */
export type ProvisionKind = (typeof PROVISION_KINDS)[number];

export const PROVISION_STATUSES = ['bracketed', 'agreed_ad_ref', 'agreed'] as const;
/** agreed_ad_ref: agreed by the delegations in the room pending confirmation from their capitals. */
export type ProvisionStatus = (typeof PROVISION_STATUSES)[number];

export interface Provision {
  id: string;
  kind: ProvisionKind;
  text: string;
  status: ProvisionStatus;
}

export const PROPOSAL_TYPES = ['amend', 'alternative', 'insert_after', 'delete'] as const;
export type ProposalType = (typeof PROPOSAL_TYPES)[number];

export const PROPOSAL_STATES = ['open', 'withdrawn', 'accepted', 'not_retained', 'superseded'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/** Word indices [start, end) in the proposal's baseText; start === end inserts before word `start`. */
export interface WordRange {
  start: number;
  end: number;
}

export interface Proposal {
  id: string;
  provisionId: string;
  type: ProposalType;
  /** Participant code of the proposing state. */
  author: string;
  /** New words (amend), whole new wording (alternative, insert_after); null for delete and for striking words. */
  text: string | null;
  range: WordRange | null;
  /** The wording the proposal was made on, or last rebased onto: its range only means something against it. */
  baseText: string;
  newKind?: ProvisionKind;
  justification: string | null;
  supporters: string[];
  opponents: string[];
  state: ProposalState;
  /** False when the wording changed and the words this amendment touched are gone. */
  applies: boolean;
}

export const STANCES = ['accept', 'ad_ref', 'cannot_accept'] as const;
export type Stance = (typeof STANCES)[number];

export interface StanceRecord {
  provisionId: string;
  participant: string;
  stance: Stance;
}

/** An error a delegate or facilitator can act on: a stable code and a sentence. */
export interface Problem {
  code: string;
  message: string;
}

export type Check = { ok: true } | { ok: false; problem: Problem };

export const refuse = (code: string, message: string): { ok: false; problem: Problem } => ({ ok: false, problem: { code, message } });
