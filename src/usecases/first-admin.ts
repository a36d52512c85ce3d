import { appendAudit } from './audit';
import { type Context } from './context';
import { hashSecret, newSecret } from './security';

/**
 * While no administrator exists, each start issues a one-time link to create the first one.
 * Earlier links stay valid until used or expired; any of them creates the one account.
 */
export async function issueFirstAdminLink(ctx: Context): Promise<string | null> {
  if ((await ctx.store.read.users.countByRole('admin')) > 0) return null;
  const now = ctx.clock();
  const token = newSecret();
  await ctx.store.transaction(async (tx) => {
    const id = await tx.users.insertInvitation({
      tokenHash: hashSecret(token),
      email: '',
      name: '',
      role: 'admin',
      participant: null,
      functions: [],
      invitedBy: null,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
      acceptedAt: null,
    });
    await appendAudit(tx, { actor: null, action: 'setup.first_admin_link', subject: `invitation:${id}`, at: now.toISOString() });
  });
  return `${ctx.publicUrl}/invitation/${token}`;
}
