import { FUNCTIONS, ROLES, type DelegationFunction, type Role } from '../core/policy';
import { invalid, notFound } from './errors';
import type { Ports } from './ports';
import { MIN_PASSWORD_LENGTH } from './security';

export interface AccountShape {
  email: string;
  name: string;
  role: Role;
  participant?: string | null | undefined;
  functions?: DelegationFunction[] | undefined;
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Delegates belong to a participant and have functions; secretariat and administrators do not. */
export async function checkAccountShape(ports: Ports, a: AccountShape): Promise<{ participant: string | null; functions: DelegationFunction[] }> {
  if (!EMAIL_RE.test(a.email.trim())) throw invalid('invalid_email', `"${a.email}" is not an e-mail address.`);
  if (!a.name.trim()) throw invalid('name_required', 'Give the person a name.');
  if (!ROLES.includes(a.role)) throw invalid('invalid_role', `The role must be one of ${ROLES.join(', ')}.`);
  const functions = [...new Set(a.functions ?? [])];
  for (const f of functions) if (!FUNCTIONS.includes(f)) throw invalid('invalid_function', `The function must be one of ${FUNCTIONS.join(', ')}.`);
  if (a.role !== 'delegate') {
    if (a.participant) throw invalid('participant_not_allowed', 'Secretariat staff and administrators do not act for a participant; leave the participant empty.');
    if (functions.length) throw invalid('functions_not_allowed', 'Functions (head, delegate, cbm_contact) belong to delegates only.');
    return { participant: null, functions: [] };
  }
  if (!a.participant) throw invalid('participant_required', 'A delegate acts for a participant: give its code (e.g. KAZ).');
  const code = a.participant.toUpperCase();
  if (!(await ports.registry.participant(code))) throw notFound('participant_not_found', `No participant has the code ${code}.`);
  return { participant: code, functions: functions.length ? functions : ['delegate'] };
}

export function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw invalid('weak_password', `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
}
