import type { IsoDate } from '../dates';
import type { ParticipantStatus } from '../registry';
import type { Decision, DecisionStatus, DecisionSubject } from './types';

/**
 * What adoption causes (PRODUCT.md §D), as data: the use case applies each effect in the same
 * transaction as the conclusion and records it in the audit log. A decision not adopted causes
 * nothing; its record, with the objecting states, is its only trace.
 */
export type Effect =
  /** The participant holds the new status from the adoption date (a state admitted at the Summit is a member that very day). */
  | { type: 'status_change'; participant: string; status: ParticipantStatus; from: IsoDate; decisionId: number }
  | { type: 'chair_term'; participant: string; from: IsoDate; to: IsoDate | null; decisionId: number }
  /** The pinned revision becomes an adopted document; the use case gives it a symbol (symbols.ts). */
  | { type: 'adopt_document'; negotiationId: number; revision: number; contentHash: string | null; bodyCode: string; adoptedOn: IsoDate; decisionId: number }
  | { type: 'create_meeting'; body: string; title: string; startsOn: IsoDate; endsOn: IsoDate; venue: string | null; timeZone: string | null; decisionId: number }
  /** A recommendation adopted by one body opens the draft decision at the next; `fromDecision` links the chain both ways. */
  | { type: 'draft_decision'; toBody: string; subject: DecisionSubject; title: string; fromBody: string; fromDecision: number };

export type EffectType = Effect['type'];

/** The effects of a decision's outcome. `adoptedOn` is the date of adoption in the forum's time zone. */
export function effectsOf(decision: Decision, outcome: { status: DecisionStatus }, adoptedOn: IsoDate): Effect[] {
  if (outcome.status !== 'adopted') return [];
  const s = decision.subject;
  const decisionId = decision.id;
  switch (s.type) {
    case 'text':
      return [];
    case 'admission':
      return [{ type: 'status_change', participant: s.participant, status: s.status, from: adoptedOn, decisionId }];
    case 'chair':
      return [{ type: 'chair_term', participant: s.participant, from: s.from, to: s.to, decisionId }];
    case 'negotiation':
      return [{ type: 'adopt_document', negotiationId: s.negotiationId, revision: s.revision, contentHash: s.contentHash ?? null, bodyCode: decision.bodyCode, adoptedOn, decisionId }];
    case 'meeting':
      return [{
        type: 'create_meeting', body: s.body ?? decision.bodyCode, title: s.title, startsOn: s.startsOn, endsOn: s.endsOn,
        venue: s.venue, timeZone: s.timeZone ?? null, decisionId,
      }];
    case 'recommendation':
      return [{ type: 'draft_decision', toBody: s.toBody, subject: s.recommended, title: decision.title, fromBody: decision.bodyCode, fromDecision: decisionId }];
  }
}
