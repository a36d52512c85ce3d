import type { Instant, IsoDate } from '../dates';
import type { ParticipantStatus } from '../registry';

/**
 * Decisions by consensus (PRODUCT.md §D, principle 1). Consensus is the absence of objection by a
 * participant entitled to object: nobody votes, nobody is counted "for". A decision is taken either
 * in a meeting, where the chair asks "is there any objection?" and records the answer, or in writing
 * by silence procedure, where the text is circulated with an exact deadline and is adopted at that
 * deadline unless a member breaks silence before it.
 */

export const DECISION_MODES = ['meeting', 'silence'] as const;
export type DecisionMode = (typeof DECISION_MODES)[number];

export const DECISION_STATUSES = ['open', 'adopted', 'not_adopted', 'withdrawn'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** What a decision is about. Adoption of most subjects has effects (effects.ts). */
export type DecisionSubject =
  | { type: 'text'; text: string }
  /**
   * Adoption of a clean negotiation revision. The content hash pins the exact wording circulated, so
   * that what is adopted is what the delegations saw, even if the negotiation moves on meanwhile.
   */
  | { type: 'negotiation'; negotiationId: number; revision: number; contentHash?: string }
  /** Admission of a state or organisation with a status, from the adoption date. */
  | { type: 'admission'; participant: string; status: ParticipantStatus }
  /** Appointment of a chair for a term; the term may start long after the decision (Azerbaijan: decided March 2024, chair from December 2024). */
  | { type: 'chair'; participant: string; from: IsoDate; to: IsoDate | null }
  /** Convening a meeting. `body` defaults to the deciding body (the Summit decides to hold the next Summit). */
  | { type: 'meeting'; title: string; startsOn: IsoDate; endsOn: IsoDate; venue: string | null; body?: string; timeZone?: string }
  /**
   * A body recommends a decision to another body: the SWG to the SOC, the SOC to the Ministerial
   * Council or the Summit. Recommendations nest (the SWG recommends that the SOC recommend to the Summit).
   */
  | { type: 'recommendation'; toBody: string; recommended: DecisionSubject };

export type SubjectType = DecisionSubject['type'];
export const SUBJECT_TYPES = ['text', 'negotiation', 'admission', 'chair', 'meeting', 'recommendation'] as const satisfies readonly SubjectType[];

/** One move of a silence deadline, made by the chair before the deadline passed. */
export interface Extension {
  from: Instant;
  to: Instant;
  at: Instant;
}

export interface Decision {
  id: number;
  bodyCode: string;
  title: string;
  subject: DecisionSubject;
  mode: DecisionMode;
  openedAt: Instant;
  /**
   * The date, in the forum's time zone, on which the decision was opened. Membership on this date
   * fixes who may object: a state admitted while a silence procedure runs did not receive the text as
   * a member and cannot break the silence.
   */
  openedOn: IsoDate;
  /**
   * The deadline of a silence procedure as launched; null in a meeting. Extensions are recorded
   * separately; the deadline in force is the latest of this and every extension's `to`
   * (`currentDeadline`), so a store may also keep this column up to date without harm.
   */
  deadline: Instant | null;
  extensions: Extension[];
  withdrawnAt?: Instant | null;
  /**
   * When the outcome was recorded: by the chair's gavel in a meeting; by the scheduler (or the chair)
   * after the deadline of a silence procedure, whose outcome is nevertheless effective at the deadline.
   */
  concludedAt?: Instant | null;
}

export type StatementKind = 'interpretative' | 'reservation';
export const STATEMENT_KINDS = ['interpretative', 'reservation'] as const satisfies readonly StatementKind[];

/**
 * What delegations do about a decision. Objections and amendments are written acts of a head of
 * delegation in a silence procedure: either one breaks the silence (OSCE RoP, Annex 1(A): "an
 * objection or an amendment in writing"). In a meeting, the state objects from the floor and the
 * chair or the secretariat records it as a room objection. A statement (interpretative statement or
 * formal reservation) accompanies joining consensus and never prevents adoption.
 */
export type Act =
  | { kind: 'objection'; participant: string; reason: string; at: Instant; byHead: boolean }
  | { kind: 'amendment'; participant: string; text: string; at: Instant; byHead: boolean }
  | { kind: 'statement'; participant: string; statementKind: StatementKind; text: string; at: Instant; byHead: boolean }
  /** Recorded by the chair or the secretariat (`recordedBy`, a user id) for the state that objected in the room. */
  | { kind: 'room_objection'; participant: string; recordedBy: number; reason?: string | null; at: Instant };

export type ActKind = Act['kind'];

/** Codes a client can map to HTTP: see PROBLEM_KINDS. */
export type ProblemCode =
  | 'invalid_instant'
  | 'not_open'
  | 'meeting_mode'
  | 'silence_mode'
  | 'deadline_passed'
  | 'deadline_not_reached'
  | 'deadline_required'
  | 'deadline_not_allowed'
  | 'deadline_too_soon'
  | 'deadline_not_later'
  | 'mode_invalid'
  | 'not_member_on_opening'
  | 'observer_cannot_object'
  | 'not_head'
  | 'reason_required'
  | 'text_required'
  | 'statement_kind_invalid'
  | 'subject_invalid'
  | 'already_concluded'
  | 'pattern_invalid';

/** An error a delegate or the chair can act on: a stable code and a sentence. */
export interface Problem {
  code: ProblemCode;
  message: string;
}

export type Refusal = { ok: false; problem: Problem };
export type Check = { ok: true } | Refusal;

export const refuse = (code: ProblemCode, message: string): Refusal => ({ ok: false, problem: { code, message } });

/**
 * How the delivery layer should answer each refusal (the values are the use cases' ErrorKind):
 * the state of the decision → conflict (409); who is acting → forbidden (403); the request → invalid (400).
 */
export const PROBLEM_KINDS: Record<ProblemCode, 'invalid' | 'forbidden' | 'conflict'> = {
  invalid_instant: 'invalid',
  not_open: 'conflict',
  meeting_mode: 'conflict',
  silence_mode: 'conflict',
  deadline_passed: 'conflict',
  deadline_not_reached: 'conflict',
  deadline_required: 'invalid',
  deadline_not_allowed: 'invalid',
  deadline_too_soon: 'invalid',
  deadline_not_later: 'invalid',
  mode_invalid: 'invalid',
  not_member_on_opening: 'forbidden',
  observer_cannot_object: 'forbidden',
  not_head: 'forbidden',
  reason_required: 'invalid',
  text_required: 'invalid',
  statement_kind_invalid: 'invalid',
  subject_invalid: 'invalid',
  already_concluded: 'conflict',
  pattern_invalid: 'invalid',
};

/** Milliseconds since the epoch, or NaN for a string that is not an instant. Instants are compared as times, never as strings ("…:00Z" and "…:00.000Z" are the same instant). */
export function ms(instant: Instant): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(instant) ? Date.parse(instant) : NaN;
}

export const isInstant = (value: string): boolean => !Number.isNaN(ms(value));

/** The deadline in force: the launched one or the latest extension. Null in a meeting. */
export function currentDeadline(decision: Pick<Decision, 'deadline' | 'extensions'>): Instant | null {
  let current = decision.deadline;
  for (const e of decision.extensions) if (current === null || ms(e.to) > ms(current)) current = e.to;
  return current;
}
