import { requiresSecondFactor } from '../core/policy';
import { appendAudit } from './audit';
import { nowIso, type Context } from './context';
import { AppError } from './errors';
import { decoyPasswordHash, hashSecret, newSecret, verifyPassword, verifyTotp } from './security';

export const SESSION_HOURS = 12;
export const MAX_FAILED_SIGN_INS = 5;
export const FAILED_SIGN_IN_WINDOW_MINUTES = 15;

export interface SignInInput {
  email: string;
  password: string;
  totp?: string | undefined;
}

/** Check the password (and the TOTP code where one is enrolled) and open a session. */
export async function signIn(ctx: Context, input: SignInInput) {
  const now = ctx.clock();
  const at = now.toISOString();
  const email = input.email.trim().toLowerCase();
  const users = ctx.store.read.users;
  const windowStart = new Date(now.getTime() - FAILED_SIGN_IN_WINDOW_MINUTES * 60_000).toISOString();
  if ((await users.failedLoginsSince(email, windowStart)) >= MAX_FAILED_SIGN_INS) {
    throw new AppError('rate_limited', 'too_many_attempts', `Too many failed sign-in attempts for this account. Wait ${FAILED_SIGN_IN_WINDOW_MINUTES} minutes and try again.`);
  }
  const user = await users.byEmail(email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !passwordOk || user.disabledAt) {
    await users.recordLoginAttempt(email, at, false);
    throw new AppError('unauthenticated', 'invalid_credentials', 'The e-mail address or the password is not correct.');
  }
  let secondFactor = false;
  if (user.totpSecret && user.totpEnabledAt) {
    if (!input.totp) {
      throw new AppError('unauthenticated', 'totp_required', 'Enter the six-digit code from your authenticator app.');
    }
    const step = verifyTotp(user.totpSecret, input.totp, now);
    if (step === null) {
      await users.recordLoginAttempt(email, at, false);
      throw new AppError('unauthenticated', 'invalid_totp', 'The authenticator code is not correct or has expired; enter the current code.');
    }
    if (!(await users.useTotpStep(user.id, step))) {
      throw new AppError('unauthenticated', 'totp_reused', 'This code has already been used. Wait for your app to show the next code and enter that one.');
    }
    secondFactor = true;
  }
  const sessionId = newSecret();
  const csrfToken = newSecret();
  await ctx.store.transaction(async (tx) => {
    await tx.users.recordLoginAttempt(email, at, true);
    await tx.users.insertSession({
      id: hashSecret(sessionId),
      userId: user.id,
      csrfToken,
      secondFactor,
      createdAt: at,
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    });
    await appendAudit(tx, { actor: { userId: user.id, participant: user.participant }, action: 'auth.sign_in', subject: `user:${user.id}`, payload: { secondFactor }, at });
  });
  return {
    sessionId,
    csrfToken,
    secondFactor,
    mustEnrolSecondFactor: !user.totpEnabledAt && requiresSecondFactor({ role: user.role, functions: user.functions, isChair: false }),
    user,
  };
}

export async function signOut(ctx: Context, sessionId: string) {
  await ctx.store.read.users.deleteSession(hashSecret(sessionId));
  return { at: nowIso(ctx) };
}
