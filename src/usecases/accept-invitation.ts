import { checkPassword } from './account-rules';
import { appendAudit } from './audit';
import { nowIso, type Context } from './context';
import { conflict, invalid, notFound } from './errors';
import type { InvitationRecord, Ports } from './ports';
import { hashPassword, hashSecret } from './security';

async function openInvitation(ports: Ports, token: string, at: string): Promise<InvitationRecord> {
  const inv = await ports.users.invitationByTokenHash(hashSecret(token));
  if (!inv) throw notFound('invitation_not_found', 'This invitation link is not valid. Ask the secretariat for a new one.');
  if (inv.acceptedAt) throw conflict('invitation_used', 'This invitation has already been used. Sign in with your e-mail address and password.');
  if (inv.expiresAt <= at) throw conflict('invitation_expired', 'This invitation has expired. Ask the secretariat for a new one.');
  return inv;
}

export async function describeInvitation(ctx: Context, token: string) {
  const inv = await openInvitation(ctx.store.read, token, nowIso(ctx));
  return { email: inv.email, name: inv.name, role: inv.role, participant: inv.participant, functions: inv.functions, expiresAt: inv.expiresAt };
}

/**
 * Accept an invitation: create the account with the chosen password. The first administrator's
 * invitation carries no e-mail address; the person gives theirs here.
 */
export async function acceptInvitation(ctx: Context, token: string, input: { password: string; name?: string | undefined; email?: string | undefined }) {
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const at = nowIso(ctx);
  return ctx.store.transaction(async (tx) => {
    const inv = await openInvitation(tx, token, at);
    const email = (inv.email || input.email || '').trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalid('invalid_email', 'Give the e-mail address you will sign in with.');
    const name = (input.name?.trim() || inv.name).trim();
    if (!name) throw invalid('name_required', 'Give your name as it should appear to others.');
    if (await tx.users.byEmail(email)) throw conflict('email_taken', `An account for ${email} already exists.`);
    const id = await tx.users.insert({
      email,
      name,
      role: inv.role,
      participant: inv.participant,
      functions: inv.functions,
      passwordHash,
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      locale: null,
      createdAt: at,
      disabledAt: null,
    });
    await tx.users.markInvitationAccepted(inv.id, at);
    await appendAudit(tx, { actor: { userId: id, participant: inv.participant }, action: 'user.accept_invitation', subject: `invitation:${inv.id}`, payload: { userId: id, email, role: inv.role }, at });
    return { id, email };
  });
}
