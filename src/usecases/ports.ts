import type { AuditEntry } from '../core/audit-chain';
import type { DelegationFunction, Role } from '../core/policy';
import type { ChairTerm, LocalizedText, ParticipantKind, StatusPeriod } from '../core/registry';
import type { Proposal, Provision, StanceRecord } from '../core/negotiation';
import type { Act, Decision, DecisionStatus } from '../core/consensus';

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
  negotiations: NegotiationRepository;
  jobs: JobRepository;
  decisions: DecisionRepository;
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

  /** People told of decisions: heads of delegation and the secretariat. */
  notifiable(): Promise<UserRecord[]>;
  notify(userId: number, n: { kind: string; subject: string; body: string; link: string | null }, at: string): Promise<void>;
  inbox(userId: number, limit: number): Promise<Array<{ id: number; kind: string; subject: string; body: string; link: string | null; createdAt: string; readAt: string | null }>>;
  /** Mark notices read: one (`id`) or all of them; returns how many changed. */
  markRead(userId: number, id: number | 'all', at: string): Promise<number>;

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
  /** Every entry about one subject (e.g. `decision:12`), oldest first. */
  bySubject(subject: string): Promise<AuditEntry[]>;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  body: string;
  attachments?: MailAttachment[];
}

/** Sends one message (SMTP); absent when no SMTP_URL is configured, and mail then stays in the outbox. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

export interface OutboxRecord extends MailMessage {
  id: number;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxRepository {
  insert(m: MailMessage, at: string): Promise<number>;
  list(limit: number): Promise<OutboxRecord[]>;
  get(id: number): Promise<OutboxRecord | null>;
  markSent(id: number, at: string): Promise<void>;
}

export interface NegotiationRecord {
  id: number;
  title: string;
  bodyCode: string;
  openToObservers: boolean;
  note: string | null;
  /** The number of the last revision issued; 0 is the text as created. */
  revision: number;
  createdBy: number | null;
  createdAt: string;
}

export interface StoredProposal extends Proposal {
  negotiationId: number;
  /** Order of submission within the negotiation: ALT 1, ALT 2 … follow it. */
  seq: number;
  createdBy: number | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: number | null;
}

export interface RevisionRecord {
  negotiationId: number;
  number: number;
  issuedAt: string;
  issuedBy: number | null;
  provisions: Provision[];
  contentHash: string;
}

export interface NegotiationEvent {
  id: number;
  negotiationId: number;
  at: string;
  type: string;
  payload: unknown;
}

export interface NegotiationRepository {
  list(): Promise<NegotiationRecord[]>;
  /** With `lock`, holds the negotiation until the transaction ends, so its writes happen one at a time. */
  get(id: number, opts?: { lock?: boolean }): Promise<NegotiationRecord | null>;
  insert(n: Omit<NegotiationRecord, 'id'>): Promise<number>;
  setRevision(id: number, revision: number): Promise<void>;
  /** The current draft, in order, without removed provisions. */
  provisions(negotiationId: number): Promise<Provision[]>;
  /** Store the draft: each provision's order, wording and status; provisions not listed are marked removed. */
  saveDraft(negotiationId: number, draft: readonly Provision[]): Promise<void>;
  proposals(negotiationId: number): Promise<StoredProposal[]>;
  proposal(id: string): Promise<StoredProposal | null>;
  insertProposal(p: StoredProposal): Promise<void>;
  updateProposal(p: StoredProposal): Promise<void>;
  stances(negotiationId: number): Promise<StanceRecord[]>;
  saveStance(negotiationId: number, s: StanceRecord, at: string, userId: number | null): Promise<void>;
  /** Issued revisions without their snapshots (number, time, hash), for listing. */
  revisions(negotiationId: number): Promise<Array<Omit<RevisionRecord, 'provisions'>>>;
  revision(negotiationId: number, number: number): Promise<RevisionRecord | null>;
  insertRevision(r: RevisionRecord): Promise<void>;
  appendEvent(negotiationId: number, at: string, type: string, payload: unknown): Promise<NegotiationEvent>;
  eventsAfter(negotiationId: number, afterId: number, limit: number): Promise<NegotiationEvent[]>;
  lastEventId(negotiationId: number): Promise<number>;
}

/** Delivers committed negotiation events to live subscribers (on this instance and, via the database, on others). */
export interface EventBus {
  publish(event: NegotiationEvent): void;
}

export interface JobRecord {
  id: number;
  /** Idempotency key: scheduling the same key twice keeps one job. */
  key: string;
  kind: string;
  runAt: string;
  payload: unknown;
  attempts: number;
}

/** The durable queue in the database: deadlines, reminders and mail survive restarts. */
export interface JobRepository {
  /** Schedule a job; false if a job with this key already exists. */
  enqueue(job: { key: string; kind: string; runAt: string; payload: unknown }): Promise<boolean>;
  /**
   * Take up to `limit` due jobs for `leaseMs`, so no other worker runs them meanwhile
   * (FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite has one writer). A worker that dies loses its lease.
   */
  claimDue(now: string, limit: number, leaseMs: number): Promise<JobRecord[]>;
  complete(id: number, at: string): Promise<void>;
  retryLater(id: number, error: string, runAt: string): Promise<void>;
  pending(): Promise<JobRecord[]>;
}

export interface DecisionRecord extends Decision {
  status: DecisionStatus;
  effectiveAt: string | null;
  brokenBy: string[];
  /**
   * The members on the opening date, fixed when the decision opened: who may object never changes
   * afterwards, even if the registry is corrected or a state is admitted later that same day.
   */
  entitled: string[];
  /** The decision of the body below that recommended this one, if any. */
  recommendedBy: number | null;
  createdBy: number | null;
}

export interface StoredAct {
  id: number;
  act: Act;
  userId: number | null;
}

export interface DocumentRecord {
  id: number;
  symbol: string;
  title: string;
  type: string;
  bodyCode: string;
  status: string;
  decisionId: number | null;
  negotiationId: number | null;
  revision: number | null;
  contentHash: string | null;
  adoptedAt: string | null;
  createdAt: string;
}

export interface DecisionRepository {
  insert(d: Omit<DecisionRecord, 'id' | 'extensions'>): Promise<number>;
  /** With `lock`, holds the decision until the transaction ends: one conclusion, however many workers. */
  get(id: number, opts?: { lock?: boolean }): Promise<DecisionRecord | null>;
  list(status?: DecisionStatus): Promise<DecisionRecord[]>;
  recommendedFrom(id: number): Promise<DecisionRecord[]>;
  acts(decisionId: number): Promise<StoredAct[]>;
  insertAct(decisionId: number, act: Act, userId: number | null): Promise<number>;
  insertExtension(decisionId: number, e: { from: string; to: string; at: string }, userId: number | null): Promise<void>;
  conclude(id: number, outcome: { status: DecisionStatus; concludedAt: string; effectiveAt: string | null; brokenBy: string[] }): Promise<void>;
  documents(): Promise<DocumentRecord[]>;
  documentsForDecision(decisionId: number): Promise<DocumentRecord[]>;
  insertDocument(d: Omit<DocumentRecord, 'id'> & { provisions: Provision[] | null }): Promise<number>;
}
