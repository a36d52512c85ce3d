import type { AuditEntry } from '../core/audit-chain';
import type { DelegationFunction, Role } from '../core/policy';
import type { ChairTerm, LocalizedText, ParticipantKind, StatusPeriod } from '../core/registry';

/** What the use cases need from persistence. `store/` implements it once per dialect. */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Reads outside a transaction. */
  readonly read: Ports;
  /** Everything a use case writes, including its audit entry, commits or rolls back together. */
  transaction<T>(work: (tx: Ports) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface Ports {
  registry: RegistryRepository;
  users: UserRepository;
  audit: AuditRepository;
  outbox: OutboxRepository;
}

export interface ForumProfile {
  name: LocalizedText;
  acronym: LocalizedText;
  languages: string[];
  interfaceLanguages: string[];
  timeZone: string;
  seat: string | null;
  founded: string | null;
}

export interface ParticipantRecord {
  code: string;
  kind: ParticipantKind;
  names: LocalizedText;
  note: string | null;
}

export interface BodyRecord {
  code: string;
  names: LocalizedText;
  kind: string;
  cycleMonths: number | null;
  cycleNote: string | null;
  reportsTo: string | null;
  sortOrder: number;
}

export interface MeetingRecord {
  id: number;
  bodyCode: string;
  number: number | null;
  title: LocalizedText;
  startsOn: string;
  endsOn: string;
  venue: string | null;
  timeZone: string | null;
  status: string;
  note: string | null;
}

export interface ObservanceRecord {
  id: number;
  names: LocalizedText;
  month: number;
  day: number;
  sinceYear: number | null;
  note: string | null;
}

export interface RegistryRepository {
  forum(): Promise<ForumProfile | null>;
  saveForum(profile: ForumProfile): Promise<void>;
  participants(): Promise<ParticipantRecord[]>;
  participant(code: string): Promise<ParticipantRecord | null>;
  insertParticipant(p: ParticipantRecord, createdAt: string): Promise<void>;
  /** Every participant's status periods, keyed by participant code. */
  allStatuses(): Promise<Map<string, StatusPeriod[]>>;
  statuses(code: string): Promise<StatusPeriod[]>;
  insertStatus(code: string, period: StatusPeriod): Promise<void>;
  endStatus(code: string, from: string, to: string): Promise<void>;
  chairTerms(): Promise<ChairTerm[]>;
  insertChairTerm(term: ChairTerm): Promise<void>;
  endChairTerm(participant: string, from: string, to: string): Promise<void>;
  bodies(): Promise<BodyRecord[]>;
  insertBody(body: BodyRecord): Promise<void>;
  meetings(): Promise<MeetingRecord[]>;
  insertMeeting(m: Omit<MeetingRecord, 'id'>): Promise<number>;
  observances(): Promise<ObservanceRecord[]>;
  insertObservance(o: Omit<ObservanceRecord, 'id'>): Promise<void>;
}

export interface UserRecord {
  id: number;
  email: string;
  name: string;
  role: Role;
  participant: string | null;
  functions: DelegationFunction[];
  passwordHash: string | null;
  totpSecret: string | null;
  totpEnabledAt: string | null;
  /** The 30-second step of the last code accepted: a code is good once (RFC 6238 §5.2). */
  totpLastStep: number | null;
  locale: string | null;
  createdAt: string;
  disabledAt: string | null;
}

export interface SessionRecord {
  id: string;
  userId: number;
  csrfToken: string;
  secondFactor: boolean;
  createdAt: string;
  expiresAt: string;
}

export interface InvitationRecord {
  id: number;
  tokenHash: string;
  email: string;
  name: string;
  role: Role;
  participant: string | null;
  functions: DelegationFunction[];
  invitedBy: number | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export interface ApiTokenRecord {
  id: number;
  userId: number;
  tokenHash: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface UserRepository {
  count(): Promise<number>;
  countByRole(role: Role): Promise<number>;
  byId(id: number): Promise<UserRecord | null>;
  byEmail(email: string): Promise<UserRecord | null>;
  insert(u: Omit<UserRecord, 'id'>): Promise<number>;
  setTotp(userId: number, secret: string | null, enabledAt: string | null): Promise<void>;
  /** Record a used TOTP step; false when that step (or a later one) was already used. */
  useTotpStep(userId: number, step: number): Promise<boolean>;
  setLocale(userId: number, locale: string): Promise<void>;

  insertSession(s: SessionRecord): Promise<void>;
  session(id: string): Promise<SessionRecord | null>;
  markSessionSecondFactor(id: string): Promise<void>;
  deleteSession(id: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<number>;

  insertInvitation(i: Omit<InvitationRecord, 'id'>): Promise<number>;
  invitationByTokenHash(hash: string): Promise<InvitationRecord | null>;
  markInvitationAccepted(id: number, at: string): Promise<void>;
  pendingInvitations(): Promise<InvitationRecord[]>;

  insertApiToken(t: Omit<ApiTokenRecord, 'id'>): Promise<number>;
  apiTokenByHash(hash: string): Promise<ApiTokenRecord | null>;
  apiTokens(userId: number): Promise<ApiTokenRecord[]>;
  revokeApiToken(userId: number, id: number, at: string): Promise<boolean>;
  touchApiToken(id: number, at: string): Promise<void>;

  recordLoginAttempt(email: string, at: string, succeeded: boolean): Promise<void>;
  failedLoginsSince(email: string, since: string): Promise<number>;
}

export interface AuditRepository {
  /**
   * The newest entry, read under a lock held until the transaction ends, so two writers
   * never chain onto the same predecessor.
   */
  lockHead(): Promise<{ seq: number; hash: string } | null>;
  insert(entry: AuditEntry): Promise<void>;
  /** All entries in `seq` order. */
  all(): Promise<AuditEntry[]>;
  page(opts: { before?: number; limit: number }): Promise<AuditEntry[]>;
}

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
}

export interface OutboxRecord extends MailMessage {
  id: number;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxRepository {
  insert(m: MailMessage, at: string): Promise<number>;
  list(limit: number): Promise<OutboxRecord[]>;
}
