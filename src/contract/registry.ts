import { z } from 'zod';
import { Instant, IsoDate, LocalizedText } from './common';

export const ParticipantStatus = z.enum(['member', 'observer', 'partner']);
export const ParticipantKind = z.enum(['state', 'organization']);

export const Health = z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), version: z.string() });

export const Forum = z.object({
  name: z.string(),
  names: LocalizedText,
  acronym: z.string(),
  languages: z.array(z.string()),
  interfaceLanguages: z.array(z.string()),
  timeZone: z.string(),
  seat: z.string().nullable(),
  founded: z.string().nullable(),
  today: IsoDate.describe("Today's date in the forum's time zone"),
  chair: z.object({ participant: z.string(), name: z.string(), from: IsoDate, to: IsoDate.nullable() }).nullable(),
});

export const ParticipantsQuery = z.object({
  at: IsoDate.optional().describe('Date to read statuses at (default: today in the forum time zone)'),
  status: ParticipantStatus.optional(),
  lang: z.enum(['en', 'ru', 'fr']).optional(),
});

export const ParticipantSummary = z.object({
  code: z.string(),
  kind: ParticipantKind,
  name: z.string(),
  names: LocalizedText,
  status: ParticipantStatus,
  since: IsoDate.describe('Held this status continuously since'),
});
export const ParticipantList = z.object({ at: IsoDate, participants: z.array(ParticipantSummary) });

export const StatusPeriod = z.object({
  status: ParticipantStatus,
  from: IsoDate,
  to: IsoDate.nullable().describe('Exclusive: the status ends at the start of this day'),
  reference: z.string().nullable(),
  note: z.string().nullable(),
});

export const ParticipantDetail = z.object({
  code: z.string(),
  kind: ParticipantKind,
  name: z.string(),
  names: LocalizedText,
  note: z.string().nullable(),
  status: ParticipantStatus.nullable(),
  since: IsoDate.nullable(),
  statuses: z.array(StatusPeriod),
  chairmanships: z.array(z.object({ from: IsoDate, to: IsoDate.nullable(), reference: z.string().nullable() })),
});

export const NewParticipant = z.object({
  code: z.string().min(2).max(16),
  kind: ParticipantKind,
  name: z.union([z.string().min(1), LocalizedText]).describe('English name, or names keyed by language'),
  note: z.string().max(2000).nullable().optional(),
  status: z.object({ status: ParticipantStatus, from: IsoDate, reference: z.string().max(500).nullable().optional() }).optional(),
});

export const NewStatus = z.object({
  status: ParticipantStatus,
  from: IsoDate,
  to: IsoDate.nullable().optional(),
  reference: z.string().max(500).nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
});

export const Body = z.object({
  code: z.string(),
  name: z.string(),
  names: LocalizedText,
  kind: z.string(),
  reportsTo: z.string().nullable(),
  cycle: z.object({ everyMonths: z.number().nullable(), note: z.string().nullable() }),
  lastMeeting: IsoDate.nullable(),
  nextDue: IsoDate.nullable(),
});

export const Chairmanship = z.object({
  participant: z.string(),
  name: z.string(),
  from: IsoDate,
  to: IsoDate.nullable(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
});

export const NewChairmanship = z.object({
  participant: z.string().min(2).max(16),
  from: IsoDate,
  to: IsoDate.nullable().optional(),
  reference: z.string().max(500).nullable().optional(),
  note: z.string().max(2000).nullable().optional(),
});

export const Meeting = z.object({
  id: z.number(),
  bodyCode: z.string(),
  number: z.number().nullable(),
  title: z.string(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  venue: z.string().nullable(),
  timeZone: z.string().nullable(),
  status: z.string(),
  note: z.string().nullable(),
});

export const Observance = z.object({
  name: z.string(),
  month: z.number(),
  day: z.number(),
  sinceYear: z.number().nullable(),
  note: z.string().nullable(),
  next: IsoDate,
});

export const AuditEntry = z.object({
  seq: z.number(),
  at: Instant,
  actorUserId: z.number().nullable(),
  actorParticipant: z.string().nullable(),
  action: z.string(),
  subject: z.string(),
  payload: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

export const AuditVerdict = z.union([
  z.object({ ok: z.literal(true), entries: z.number(), lastHash: z.string() }),
  z.object({ ok: z.literal(false), entries: z.number(), firstBadSeq: z.number(), problem: z.string() }),
]);
