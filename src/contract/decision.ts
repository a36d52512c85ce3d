import { z } from 'zod';
import { Instant, IsoDate } from './common';

const BaseSubject = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(20_000) }),
  z.object({ type: z.literal('negotiation'), negotiationId: z.number().int().min(1), revision: z.number().int().min(0), contentHash: z.string().optional() }),
  z.object({ type: z.literal('admission'), participant: z.string().min(2).max(16), status: z.enum(['member', 'observer', 'partner']) }),
  z.object({ type: z.literal('chair'), participant: z.string().min(2).max(16), from: IsoDate, to: IsoDate.nullable() }),
  z.object({ type: z.literal('meeting'), title: z.string().min(1).max(500), startsOn: IsoDate, endsOn: IsoDate, venue: z.string().max(200).nullable(), body: z.string().optional(), timeZone: z.string().optional() }),
]);
export const DecisionSubject = z.union([
  BaseSubject,
  z.object({ type: z.literal('recommendation'), toBody: z.string().min(1).max(32), recommended: BaseSubject }),
]);

export const NewDecision = z.object({
  bodyCode: z.string().min(1).max(32),
  title: z.string().min(1).max(500),
  subject: DecisionSubject,
  mode: z.enum(['meeting', 'silence']),
  deadline: Instant.nullable().optional().describe('Silence procedure: the exact deadline, ISO 8601 with zone (stored in UTC)'),
});

export const DecisionStatus = z.enum(['open', 'adopted', 'not_adopted', 'withdrawn']);

export const Decision = z.object({
  id: z.number(),
  bodyCode: z.string(),
  title: z.string(),
  subject: z.any(),
  mode: z.enum(['meeting', 'silence']),
  status: DecisionStatus,
  openedAt: Instant,
  openedOn: IsoDate.describe('Membership on this date decides who may object'),
  deadline: Instant.nullable(),
  originalDeadline: Instant.nullable(),
  extensions: z.array(z.object({ from: Instant, to: Instant, at: Instant })),
  concludedAt: Instant.nullable(),
  adoptedAt: Instant.nullable().describe('When adopted: the deadline itself for a silence procedure'),
  effectiveAt: Instant.nullable(),
  silenceBroken: z.boolean(),
  brokenBy: z.array(z.string()),
  objections: z.array(
    z.object({ id: z.number(), kind: z.string(), participant: z.string(), participantName: z.string(), reason: z.string().nullable(), amendment: z.string().nullable(), at: Instant, counts: z.boolean() }),
  ),
  statements: z.array(z.object({ id: z.number(), participant: z.string(), participantName: z.string(), kind: z.string(), text: z.string(), at: Instant })),
  chain: z.object({ recommendedBy: z.number().nullable(), recommends: z.array(z.object({ id: z.number(), bodyCode: z.string(), title: z.string(), status: z.string() })) }),
  documents: z.array(z.object({ id: z.number(), symbol: z.string(), title: z.string(), contentHash: z.string().nullable() })),
  trail: z.array(z.object({ seq: z.number(), at: Instant, action: z.string(), participant: z.string().nullable(), hash: z.string() })).describe('The decision’s entries in the audit log'),
});

export const ObjectionRequest = z.object({
  reason: z.string().max(10_000).optional(),
  amendment: z.string().max(20_000).optional().describe('Breaking silence with an amendment instead of an objection'),
});
export const RoomObjectionRequest = z.object({ participant: z.string().min(2).max(16), reason: z.string().max(10_000).optional() });
export const StatementRequest = z.object({ kind: z.enum(['interpretative', 'reservation']), text: z.string().max(20_000) });
export const ExtendRequest = z.object({ deadline: Instant });
export const DecisionsQuery = z.object({ status: DecisionStatus.optional(), lang: z.enum(['en', 'ru', 'fr']).optional() });
