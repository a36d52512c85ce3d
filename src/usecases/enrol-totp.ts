import { appendAudit } from './audit';
import type { Authenticated } from './authenticate';
import { nowIso, type Context } from './context';
import { conflict, invalid } from './errors';
import { newTotpSecret, totpUri, verifyTotp } from './security';

/** Step 1: a fresh secret the user scans into an authenticator app. Not active until confirmed. */
export async function beginTotpEnrolment(ctx: Context, auth: Authenticated) {
  if (auth.user.totpEnabledAt) throw conflict('totp_already_enabled', 'An authenticator app is already set up for this account.');
  const secret = newTotpSecret();
  await ctx.store.read.users.setTotp(auth.user.id, secret, null);
  return { secret, uri: totpUri(secret, auth.user.email) };
}

/** Step 2: the user proves the app works; the session counts as second-factor verified from now. */
export async function confirmTotpEnrolment(ctx: Context, auth: Authenticated, code: string) {
  const user = await ctx.store.read.users.byId(auth.user.id);
  if (!user?.totpSecret) throw conflict('totp_not_started', 'Start setting up the authenticator app first.');
  if (user.totpEnabledAt) throw conflict('totp_already_enabled', 'An authenticator app is already set up for this account.');
  const step = verifyTotp(user.totpSecret, code, ctx.clock());
  if (step === null) {
    throw invalid('invalid_totp', 'The code does not match. Check the time on your phone and enter the current six-digit code.');
  }
  const at = nowIso(ctx);
  await ctx.store.transaction(async (tx) => {
    await tx.users.setTotp(user.id, user.totpSecret, at);
    await tx.users.useTotpStep(user.id, step);
    if (auth.session) await tx.users.markSessionSecondFactor(auth.session.id);
    await appendAudit(tx, { actor: auth.actor, action: 'auth.totp_enrol', subject: `user:${user.id}`, at });
  });
  return { enabledAt: at };
}
