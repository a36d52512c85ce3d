import type { Generated } from 'kysely';

/** Table types. Dates are `YYYY-MM-DD` text, instants ISO-8601 UTC text, structured values JSON text. */
export interface Database {
  forum: ForumTable;
  participants: ParticipantTable;
  participant_statuses: ParticipantStatusTable;
  bodies: BodyTable;
  chairmanships: ChairmanshipTable;
  meetings: MeetingTable;
  observances: ObservanceTable;
  users: UserTable;
  sessions: SessionTable;
  invitations: InvitationTable;
  api_tokens: ApiTokenTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  negotiations: NegotiationTable;
  provisions: ProvisionTable;
  proposals: ProposalTable;
  stances: StanceTable;
  revisions: RevisionTable;
  negotiation_events: NegotiationEventTable;
  decisions: DecisionTable;
  decision_acts: DecisionActTable;
  decision_extensions: DecisionExtensionTable;
  documents: DocumentTable;
  jobs: JobTable;
  notifications: NotificationTable;
}

export interface ForumTable {
  id: number;
  name_json: string;
  acronym_json: string;
  languages_json: string;
  interface_languages_json: string;
  time_zone: string;
  seat: string | null;
  founded_on: string | null;
}

export interface ParticipantTable {
  code: string;
  kind: string;
  names_json: string;
  note: string | null;
  created_at: string;
}

export interface ParticipantStatusTable {
  id: Generated<number>;
  participant_code: string;
  status: string;
  from_date: string;
  to_date: string | null;
  reference: string | null;
  note: string | null;
}

export interface BodyTable {
  code: string;
  names_json: string;
  kind: string;
  cycle_months: number | null;
  cycle_note: string | null;
  reports_to: string | null;
  sort_order: number;
}

export interface ChairmanshipTable {
  id: Generated<number>;
  participant_code: string;
  from_date: string;
  to_date: string | null;
  reference: string | null;
  note: string | null;
}

export interface MeetingTable {
  id: Generated<number>;
  body_code: string;
  number: number | null;
  title_json: string;
  starts_on: string;
  ends_on: string;
  venue: string | null;
  time_zone: string | null;
  status: string;
  note: string | null;
}

export interface ObservanceTable {
  id: Generated<number>;
  names_json: string;
  month: number;
  day: number;
  since_year: number | null;
  note: string | null;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: string;
  participant_code: string | null;
  functions_json: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled_at: string | null;
  totp_last_step: number | null;
  locale: string | null;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  second_factor: number;
  created_at: string;
  expires_at: string;
}

export interface InvitationTable {
  id: Generated<number>;
  token_hash: string;
  email: string;
  name: string;
  role: string;
  participant_code: string | null;
  functions_json: string;
  invited_by: number | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  at: string;
  succeeded: number;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_user_id: number | null;
  actor_participant: string | null;
  action: string;
  subject: string;
  payload_json: string;
  prev_hash: string;
  hash: string;
}

export interface OutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body: string;
  created_at: string;
  sent_at: string | null;
  attachments_json: string | null;
}

export interface NegotiationTable {
  id: Generated<number>;
  title: string;
  body_code: string;
  open_to_observers: number;
  note: string | null;
  revision: number;
  created_by: number | null;
  created_at: string;
}

export interface ProvisionTable {
  id: string;
  negotiation_id: number;
  ord: number;
  kind: string;
  text: string;
  status: string;
  removed: number;
}

export interface ProposalTable {
  id: string;
  negotiation_id: number;
  provision_id: string;
  seq: number;
  type: string;
  author: string;
  text: string | null;
  range_start: number | null;
  range_end: number | null;
  base_text: string;
  new_kind: string | null;
  justification: string | null;
  state: string;
  applies: number;
  supporters_json: string;
  opponents_json: string;
  created_by: number | null;
  created_at: string;
  resolved_at: string | null;
  resolved_by: number | null;
}

export interface StanceTable {
  provision_id: string;
  participant: string;
  negotiation_id: number;
  stance: string;
  at: string;
  user_id: number | null;
}

export interface RevisionTable {
  negotiation_id: number;
  number: number;
  issued_at: string;
  issued_by: number | null;
  provisions_json: string;
  content_hash: string;
}

export interface NegotiationEventTable {
  id: Generated<number>;
  negotiation_id: number;
  at: string;
  type: string;
  payload_json: string;
}

export interface DecisionTable {
  id: Generated<number>;
  body_code: string;
  title: string;
  subject_json: string;
  mode: string;
  status: string;
  opened_at: string;
  opened_on: string;
  deadline: string | null;
  concluded_at: string | null;
  effective_at: string | null;
  broken_by_json: string | null;
  entitled_json: string;
  recommended_by: number | null;
  created_by: number | null;
}

export interface DecisionActTable {
  id: Generated<number>;
  decision_id: number;
  kind: string;
  participant: string;
  text: string | null;
  statement_kind: string | null;
  by_head: number;
  at: string;
  user_id: number | null;
}

export interface DecisionExtensionTable {
  id: Generated<number>;
  decision_id: number;
  from_deadline: string;
  to_deadline: string;
  at: string;
  user_id: number | null;
}

export interface DocumentTable {
  id: Generated<number>;
  symbol: string;
  title: string;
  type: string;
  body_code: string;
  status: string;
  decision_id: number | null;
  negotiation_id: number | null;
  revision: number | null;
  content_hash: string | null;
  provisions_json: string | null;
  adopted_at: string | null;
  created_at: string;
}

export interface JobTable {
  id: Generated<number>;
  key: string;
  kind: string;
  run_at: string;
  payload_json: string;
  attempts: number;
  locked_until: string | null;
  done_at: string | null;
  last_error: string | null;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}
