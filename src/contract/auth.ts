import { z } from 'zod';
import { Instant } from './common';

export const Role = z.enum(['admin', 'secretariat', 'delegate']);
export const DelegationFunction = z.enum(['head', 'delegate', 'cbm_contact']);

export const LoginRequest = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1000),
  totp: z.string().max(12).optional(),
});

export const Me = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: Role,
  participant: z.object({ code: z.string(), name: z.string(), status: z.enum(['member', 'observer', 'partner']).nullable() }).nullable(),
  functions: z.array(DelegationFunction),
  isChair: z.boolean(),
  totpEnabled: z.boolean(),
  secondFactor: z.boolean().describe('This session proved the second factor (or the request uses an API token)'),
  secondFactorRequired: z.boolean().describe('The function requires a second factor before acting'),
  csrfToken: z.string().nullable().describe('Send as X-CSRF-Token with every cookie-authenticated write'),
});

export const LoginResponse = z.object({ user: Me, mustEnrolSecondFactor: z.boolean() });

export const TotpSetup = z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() });
export const TotpConfirm = z.object({ code: z.string().min(6).max(12) });

export const NewApiToken = z.object({ label: z.string().max(100).default('API token') });
export const ApiToken = z.object({ id: z.number(), label: z.string(), createdAt: Instant, lastUsedAt: Instant.nullable(), revokedAt: Instant.nullable() });
export const IssuedApiToken = z.object({ id: z.number(), label: z.string(), token: z.string().describe('Shown once'), createdAt: Instant });

export const NewInvitation = z.object({
  email: z.string().max(320),
  name: z.string().min(1).max(200),
  role: Role,
  participant: z.string().max(16).nullable().optional(),
  functions: z.array(DelegationFunction).optional(),
});
export const Invitation = z.object({ id: z.number(), email: z.string(), link: z.string(), expiresAt: Instant });
export const InvitationInfo = z.object({
  email: z.string(),
  name: z.string(),
  role: Role,
  participant: z.string().nullable(),
  functions: z.array(DelegationFunction),
  expiresAt: Instant,
});
export const AcceptInvitation = z.object({
  password: z.string().min(1).max(1000),
  name: z.string().max(200).optional(),
  email: z.string().max(320).optional(),
});

export const OutboxMessage = z.object({ id: z.number(), to: z.string(), subject: z.string(), body: z.string(), createdAt: Instant, sentAt: Instant.nullable() });
