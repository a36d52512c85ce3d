import type { z } from 'zod';
import type * as R from '../../src/contract/registry';
import type * as A from '../../src/contract/auth';

export type Forum = z.infer<typeof R.Forum>;
export type ParticipantStatus = z.infer<typeof R.ParticipantStatus>;
export type ParticipantKind = z.infer<typeof R.ParticipantKind>;
export type ParticipantList = z.infer<typeof R.ParticipantList>;
export type ParticipantSummary = z.infer<typeof R.ParticipantSummary>;
export type ParticipantDetail = z.infer<typeof R.ParticipantDetail>;
export type NewParticipant = z.input<typeof R.NewParticipant>;
export type NewStatus = z.input<typeof R.NewStatus>;
export type NewChairmanship = z.input<typeof R.NewChairmanship>;
export type Body = z.infer<typeof R.Body>;
export type Chairmanship = z.infer<typeof R.Chairmanship>;
export type Meeting = z.infer<typeof R.Meeting>;
export type Observance = z.infer<typeof R.Observance>;
export type AuditEntry = z.infer<typeof R.AuditEntry>;
export type AuditVerdict = z.infer<typeof R.AuditVerdict>;

export type Role = z.infer<typeof A.Role>;
export type DelegationFunction = z.infer<typeof A.DelegationFunction>;
export type Me = z.infer<typeof A.Me>;
export type LoginResponse = z.infer<typeof A.LoginResponse>;
export type TotpSetup = z.infer<typeof A.TotpSetup>;
export type ApiToken = z.infer<typeof A.ApiToken>;
export type IssuedApiToken = z.infer<typeof A.IssuedApiToken>;
export type NewInvitation = z.input<typeof A.NewInvitation>;
export type Invitation = z.infer<typeof A.Invitation>;
export type InvitationInfo = z.infer<typeof A.InvitationInfo>;
export type OutboxMessage = z.infer<typeof A.OutboxMessage>;

export const STATUSES: ParticipantStatus[] = ['member', 'observer', 'partner'];
export const ROLES: Role[] = ['delegate', 'secretariat', 'admin'];
export const FUNCTIONS: DelegationFunction[] = ['head', 'delegate', 'cbm_contact'];
