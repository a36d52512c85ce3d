import { isIsoDate as isDate, type Instant } from '../dates';
import type { ParticipantStatus } from '../registry';
import {
  currentDeadline, DECISION_MODES, ms, refuse, STATEMENT_KINDS, SUBJECT_TYPES,
  type Check, type Decision, type DecisionMode, type DecisionSubject, type Extension, type Refusal, type StatementKind,
} from './types';

/**
 * The checks a use case runs before it accepts an act. The server's clock (`now`) decides: an
 * objection stamped one second after the deadline is refused, and the message says when the
 * deadline passed, as an instant the interface shows in the forum's and the reader's time zone.
 */

export interface ActingParticipant {
  participant: string;
  /** The participant's status on the decision's opening date (null: not a participant then). */
  status: ParticipantStatus | null;
  /** Whether the person acts as head of that delegation. */
  byHead: boolean;
  now: Instant;
}

const invalidInstant = (value: string): Refusal => refuse('invalid_instant', `"${value}" is not a date and time (ISO 8601, e.g. 2024-03-19T18:00:00Z).`);
const blank = (s: string | null | undefined): boolean => (s ?? '').trim() === '';

/** The decision is still open for acts in its mode at `now`. */
function stillOpen(decision: Decision, now: Instant): Check {
  if (Number.isNaN(ms(now))) return invalidInstant(now);
  if (decision.withdrawnAt) return refuse('not_open', `This decision was withdrawn at ${decision.withdrawnAt}.`);
  if (decision.mode === 'silence') {
    const deadline = currentDeadline(decision);
    if (deadline !== null && ms(now) >= ms(deadline)) {
      return refuse('deadline_passed', `The deadline of this silence procedure passed at ${deadline}.`);
    }
  }
  if (decision.concludedAt) return refuse('not_open', `This decision was concluded at ${decision.concludedAt}.`);
  return { ok: true };
}

/** Entitled to object: a member on the opening date. */
function entitled(decision: Decision, actor: ActingParticipant, what: string): Check {
  if (actor.status === 'observer') {
    return refuse('observer_cannot_object', `Observers do not take part in consensus; only members on ${decision.openedOn} may ${what}.`);
  }
  if (actor.status !== 'member') {
    return refuse('not_member_on_opening', `${actor.participant} was not a member on ${decision.openedOn}, when this decision was opened; only members on that date may ${what}.`);
  }
  return { ok: true };
}

function breakingSilence(decision: Decision, actor: ActingParticipant, what: string): Check {
  const open = stillOpen(decision, actor.now);
  if (!open.ok) return open;
  if (decision.mode === 'meeting') {
    return refuse('meeting_mode', 'Written objections are for silence procedures. In a meeting, raise the objection in the room; the chair records it.');
  }
  const may = entitled(decision, actor, what);
  if (!may.ok) return may;
  if (!actor.byHead) return refuse('not_head', `Only the head of delegation may ${what} on behalf of ${actor.participant}.`);
  return { ok: true };
}

/** A written objection, which breaks silence. Reasons are required: the chair is told by whom and why. */
export function checkObjection(decision: Decision, input: ActingParticipant & { reason: string | null | undefined }): Check {
  const ok = breakingSilence(decision, input, 'object');
  if (!ok.ok) return ok;
  if (blank(input.reason)) return refuse('reason_required', 'State the reasons for the objection; the chair and the other delegations are told them.');
  return { ok: true };
}

/** A written amendment, which also breaks silence: the text as circulated is then not adopted. */
export function checkAmendment(decision: Decision, input: ActingParticipant & { text: string | null | undefined }): Check {
  const ok = breakingSilence(decision, input, 'propose an amendment');
  if (!ok.ok) return ok;
  if (blank(input.text)) return refuse('text_required', 'Give the wording of the amendment.');
  return { ok: true };
}

/**
 * An interpretative statement or a formal reservation: the state joins consensus and says how it
 * understands the decision, or what it does not accept. Made by the head of delegation of a member,
 * while the decision is open (in a meeting, until the gavel); it stays with the decision forever.
 */
export function checkStatement(decision: Decision, input: ActingParticipant & { kind: StatementKind | string; text: string | null | undefined }): Check {
  const open = stillOpen(decision, input.now);
  if (!open.ok) return open;
  if (input.status !== 'member') {
    return refuse('not_member_on_opening', `Only members on ${decision.openedOn} join consensus on this decision, and so only they may attach a statement.`);
  }
  if (!input.byHead) return refuse('not_head', `Only the head of delegation may attach a statement on behalf of ${input.participant}.`);
  if (!(STATEMENT_KINDS as readonly string[]).includes(input.kind)) {
    return refuse('statement_kind_invalid', 'A statement is either an interpretative statement or a formal reservation.');
  }
  if (blank(input.text)) return refuse('text_required', 'Give the text of the statement.');
  return { ok: true };
}

/** The chair (or the secretariat for the chair) records an objection raised in the room. */
export function checkRoomObjection(decision: Decision, input: { participant: string; status: ParticipantStatus | null; now: Instant }): Check {
  const open = stillOpen(decision, input.now);
  if (!open.ok) return open;
  if (decision.mode === 'silence') {
    return refuse('silence_mode', 'In a silence procedure the head of delegation breaks silence in writing; there is no room to object in.');
  }
  return entitled(decision, { ...input, byHead: true }, 'object');
}

/**
 * The chair may extend a silence procedure before its deadline passes — never revive one that has
 * expired, and never shorten it (delegations plan their capitals' instructions around the deadline).
 */
export function checkExtension(decision: Decision, newDeadline: Instant, now: Instant): { ok: true; extension: Extension } | Refusal {
  if (Number.isNaN(ms(newDeadline))) return invalidInstant(newDeadline);
  const open = stillOpen(decision, now);
  if (!open.ok) return open;
  const current = currentDeadline(decision);
  if (decision.mode !== 'silence' || current === null) return refuse('meeting_mode', 'A decision taken in a meeting has no deadline to extend.');
  if (ms(newDeadline) <= ms(current)) {
    return refuse('deadline_not_later', `The new deadline must be later than the current one, ${current}.`);
  }
  return { ok: true, extension: { from: current, to: newDeadline, at: now } };
}

/** A silence procedure needs a deadline at least this far ahead; a forum may ask more (the UN General Assembly: 72 hours). */
export const MINIMUM_SILENCE_LEAD_MS = 60_000;

export function checkLaunch(input: { mode: DecisionMode | string; deadline?: Instant | null; now: Instant; minimumLeadMs?: number }): Check {
  if (!(DECISION_MODES as readonly string[]).includes(input.mode)) {
    return refuse('mode_invalid', 'A decision is taken either in a meeting or by silence procedure.');
  }
  if (Number.isNaN(ms(input.now))) return invalidInstant(input.now);
  const deadline = input.deadline ?? null;
  if (input.mode === 'meeting') {
    if (deadline !== null) return refuse('deadline_not_allowed', 'A decision in a meeting is taken when the chair concludes; it has no deadline.');
    return { ok: true };
  }
  if (deadline === null) return refuse('deadline_required', 'A silence procedure needs an exact deadline.');
  if (Number.isNaN(ms(deadline))) return invalidInstant(deadline);
  const lead = input.minimumLeadMs ?? MINIMUM_SILENCE_LEAD_MS;
  if (ms(deadline) - ms(input.now) < lead) {
    return refuse('deadline_too_soon', `The deadline must be at least ${describeLead(lead)} after ${input.now}, so that capitals can give instructions.`);
  }
  return { ok: true };
}

function describeLead(leadMs: number): string {
  const minutes = Math.ceil(leadMs / 60_000);
  if (minutes % 60 !== 0) return minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const hours = minutes / 60;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

/** The chair may withdraw a proposal for a decision while it is open; not after the outcome is fixed. */
export function checkWithdrawal(decision: Decision, now: Instant): Check {
  return stillOpen(decision, now);
}

/** The shape of a subject, checked before a decision is opened (ids are checked against the store by the use case). */
export function checkSubject(subject: DecisionSubject, depth = 0): Check {
  const bad = (message: string) => refuse('subject_invalid', message);
  if (!subject || !(SUBJECT_TYPES as readonly string[]).includes(subject.type)) {
    return bad('The subject is a text, a negotiation revision, an admission, a chair appointment, a meeting, or a recommendation to another body.');
  }
  switch (subject.type) {
    case 'text':
      return blank(subject.text) ? bad('Give the text of the decision.') : { ok: true };
    case 'negotiation':
      if (!Number.isInteger(subject.negotiationId) || subject.negotiationId < 1 || !Number.isInteger(subject.revision) || subject.revision < 1) {
        return bad('Name the negotiation and the revision to adopt.');
      }
      return { ok: true };
    case 'admission':
      if (blank(subject.participant)) return bad('Name the participant to admit.');
      if (!['member', 'observer', 'partner'].includes(subject.status)) return bad('Admission is as a member, an observer or a partner.');
      return { ok: true };
    case 'chair':
      if (blank(subject.participant)) return bad('Name the participant to take the chair.');
      if (!isDate(subject.from) || (subject.to !== null && !isDate(subject.to))) return bad('The chairmanship needs a start date, and an end date or none.');
      if (subject.to !== null && subject.to <= subject.from) return bad(`The chairmanship must end after it starts (${subject.from}).`);
      return { ok: true };
    case 'meeting':
      if (blank(subject.title)) return bad('Give the meeting a title.');
      if (!isDate(subject.startsOn) || !isDate(subject.endsOn) || subject.endsOn < subject.startsOn) {
        return bad('The meeting needs a first day and a last day on or after it.');
      }
      return { ok: true };
    case 'recommendation':
      if (blank(subject.toBody)) return bad('Name the body the recommendation goes to.');
      if (depth >= 4) return bad('A recommendation passes through at most four bodies.');
      return checkSubject(subject.recommended, depth + 1);
  }
}
