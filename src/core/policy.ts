import type { ParticipantStatus } from './registry';

/**
 * Authorization is decided here and only here. Routes, the CLI and the web app ask `decide`;
 * nothing else compares roles. Rights come from the participant's status on the date that
 * matters and from the person's function in the delegation (PRODUCT.md §1.2, §2).
 */

export const ROLES = ['admin', 'secretariat', 'delegate'] as const;
export type Role = (typeof ROLES)[number];
export const FUNCTIONS = ['head', 'delegate', 'cbm_contact'] as const;
export type DelegationFunction = (typeof FUNCTIONS)[number];

export interface Actor {
  userId: number;
  role: Role;
  participant: string | null;
  functions: readonly DelegationFunction[];
  /** Status of the actor's participant on the date that matters (usually today). */
  participantStatus: ParticipantStatus | null;
  /** Whether the actor's participant holds the chair on that date. */
  isChair: boolean;
  /** Second factor verified for this session, or the request carries an API token. */
  secondFactor: boolean;
}

export const ACTIONS = [
  'registry.read',
  'registry.write',
  'restricted.read',
  'user.create',
  'user.invite',
  'token.issue',
  'audit.read',
  'audit.verify',
  'outbox.read',
  'negotiation.create',
  'negotiation.read',
  'negotiation.propose',
  'negotiation.withdraw',
  'negotiation.stance',
  'negotiation.facilitate',
  'decision.launch',
  'decision.read',
  'decision.act',
  'decision.facilitate',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What an action is about: the participant it concerns, when it concerns one. */
export interface Target {
  participant?: string | null;
  /** For invitations: the role the new account would have. */
  role?: Role;
  /** For negotiations: whether the text has been opened to observers. */
  openToObservers?: boolean;
}

export type Decision =
  | { allowed: true }
  | { allowed: false; reason: 'unauthenticated' | 'forbidden' | 'second_factor_required'; message: string };

const allow: Decision = { allowed: true };
const forbid = (message: string): Decision => ({ allowed: false, reason: 'forbidden', message });

/** Heads of delegation, the chair's delegation and the secretariat act only after TOTP. */
export function requiresSecondFactor(actor: Pick<Actor, 'role' | 'functions' | 'isChair'>): boolean {
  return actor.role === 'secretariat' || actor.role === 'admin' || actor.functions.includes('head') || (actor.role === 'delegate' && actor.isChair);
}

const PUBLIC_ACTIONS: ReadonlySet<Action> = new Set(['registry.read']);
/** Actions that change state or expose confidential material need the second factor first. */
const READ_ONLY_WITHOUT_2FA: ReadonlySet<Action> = new Set(['registry.read', 'audit.verify']);

export function decide(actor: Actor | null, action: Action, target: Target = {}): Decision {
  if (PUBLIC_ACTIONS.has(action)) return allow;
  if (!actor) return { allowed: false, reason: 'unauthenticated', message: 'Sign in to do this.' };

  const verdict = decideForRole(actor, action, target);
  if (!verdict.allowed) return verdict;
  // An API token outlives the session it was issued in, so it is issued only to someone who proved the second factor.
  const needsSecondFactor = action === 'token.issue' || (requiresSecondFactor(actor) && !READ_ONLY_WITHOUT_2FA.has(action));
  if (!actor.secondFactor && needsSecondFactor) {
    return {
      allowed: false,
      reason: 'second_factor_required',
      message: 'Your function requires a second factor: set up an authenticator app in your profile and sign in with its code.',
    };
  }
  return verdict;
}

function decideForRole(actor: Actor, action: Action, target: Target): Decision {
  switch (action) {
    case 'registry.read':
    case 'audit.verify':
      return allow;
    case 'registry.write':
      return actor.role === 'secretariat' ? allow : forbid('Only the secretariat keeps the registry.');
    case 'restricted.read':
      if (actor.role === 'secretariat') return allow;
      if (actor.role === 'delegate' && actor.participantStatus === 'member') return allow;
      return forbid('Restricted material is open to member delegations and the secretariat.');
    case 'user.create':
      return actor.role === 'admin' ? allow : forbid('Only an administrator creates accounts directly.');
    case 'user.invite':
      if (actor.role === 'admin') return allow;
      if (actor.role === 'secretariat') return target.role === 'admin' ? forbid('Only an administrator invites administrators.') : allow;
      if (actor.functions.includes('head') && actor.participant !== null) {
        if (target.role !== undefined && target.role !== 'delegate') return forbid('A head of delegation invites delegates only.');
        if (target.participant !== actor.participant) return forbid('A head of delegation invites members of its own delegation only.');
        return actor.participantStatus ? allow : forbid('Your participant has no status in the forum today.');
      }
      return forbid('Invitations are sent by the secretariat or by a head of delegation.');
    case 'token.issue':
      return allow;
    case 'audit.read':
      return actor.role === 'secretariat' || actor.role === 'admin' ? allow : forbid('The audit log is read by the secretariat and administrators.');
    case 'outbox.read':
      return actor.role === 'admin' ? allow : forbid('The mail outbox is read by administrators.');
    case 'negotiation.create':
    case 'negotiation.facilitate':
      return isFacilitator(actor) ? allow : forbid("Only the chair's delegation or the secretariat facilitates a negotiation.");
    case 'negotiation.read':
      if (actor.role === 'secretariat' || (actor.role === 'delegate' && actor.participantStatus === 'member')) return allow;
      if (actor.role === 'delegate' && actor.participantStatus === 'observer' && target.openToObservers) return allow;
      return forbid('Negotiations are open to member delegations and the secretariat, and to observers only where the text is opened to them.');
    case 'negotiation.propose':
    case 'negotiation.withdraw': {
      const verdict = negotiatingDelegate(actor);
      if (!verdict.allowed || action === 'negotiation.propose') return verdict;
      return target.participant === actor.participant ? allow : forbid('A delegation can withdraw only its own proposals.');
    }
    case 'decision.launch':
    case 'decision.facilitate':
      return isFacilitator(actor) ? allow : forbid("Only the chair's delegation or the secretariat launches and concludes decisions.");
    case 'decision.read':
      if (actor.role === 'secretariat' || (actor.role === 'delegate' && actor.participantStatus !== null)) return allow;
      return forbid('Decisions are open to the delegations of participants and the secretariat.');
    case 'decision.act':
      // Whether the state may object is decided by its status on the decision's opening date (core/consensus).
      if (actor.role === 'delegate' && actor.functions.includes('head') && actor.participant !== null) return allow;
      return forbid('Formal acts on a decision — objections, amendments, statements — are made by a head of delegation.');
    case 'negotiation.stance':
      if (actor.role !== 'delegate' || actor.participantStatus !== 'member') return forbid('Only member delegations take positions on a text.');
      return actor.functions.includes('head') ? allow : forbid("Only the head of delegation records the state's position.");
  }
}

/** The chair's delegation (heads and delegates of the chairing state) or the secretariat acting for the chair. */
function isFacilitator(actor: Actor): boolean {
  if (actor.role === 'secretariat') return true;
  return actor.role === 'delegate' && actor.isChair && actor.participantStatus === 'member' && (actor.functions.includes('head') || actor.functions.includes('delegate'));
}

/** Proposals and support come from delegates of states that are members today; observers never propose. */
function negotiatingDelegate(actor: Actor): Decision {
  if (actor.role !== 'delegate' || actor.participantStatus !== 'member') return forbid('Only delegations of member states propose or support text.');
  if (!actor.functions.includes('head') && !actor.functions.includes('delegate')) return forbid('Proposals are made by the head of delegation or a delegate.');
  return allow;
}
