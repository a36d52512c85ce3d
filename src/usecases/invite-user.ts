import type { Actor } from '../core/policy';
import { checkAccountShape, type AccountShape } from './account-rules';
import { appendAudit } from './audit';
import { authorize } from './authorize';
import { type Context } from './context';
import { conflict } from './errors';
import { queueMail } from './mail';
import { hashSecret, newSecret } from './security';

export const INVITATION_DAYS = 14;

/** Invite someone by e-mail: the link lets them choose a password and sign in. */
export async function inviteUser(ctx: Context, actor: Actor | null, input: AccountShape) {
  authorize(actor, 'user.invite', { participant: input.participant?.toUpperCase() ?? null, role: input.role });
  const shape = await checkAccountShape(ctx.store.read, input);
  const now = ctx.clock();
  const at = now.toISOString();
  const token = newSecret();
  const link = `${ctx.publicUrl}/invitation/${token}`;
  const email = input.email.trim().toLowerCase();
  return ctx.store.transaction(async (tx) => {
    if (await tx.users.byEmail(email)) throw conflict('email_taken', `An account for ${email} already exists.`);
    const id = await tx.users.insertInvitation({
      tokenHash: hashSecret(token),
      email,
      name: input.name.trim(),
      role: input.role,
      participant: shape.participant,
      functions: shape.functions,
      invitedBy: actor.userId,
      createdAt: at,
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
      acceptedAt: null,
    });
    await queueMail(
      tx,
      {
        to: email,
        subject: 'Your invitation to Concord',
        body: [
          `Dear ${input.name.trim()},`,
          '',
          'You have been invited to Concord, the working platform of the forum.',
          `Open this link within ${INVITATION_DAYS} days to choose your password and sign in:`,
          link,
          '',
          'If you did not expect this invitation, ignore this message.',
        ].join('\n'),
      },
      at,
    );
    await appendAudit(tx, { actor, action: 'user.invite', subject: `invitation:${id}`, payload: { email, role: input.role, participant: shape.participant, functions: shape.functions }, at });
    return { id, email, link, expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString() };
  });
}
