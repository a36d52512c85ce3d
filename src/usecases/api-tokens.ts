import type { Actor } from '../core/policy';
import { appendAudit } from './audit';
import { authorize } from './authorize';
import { nowIso, type Context } from './context';
import { invalid, notFound } from './errors';
import { hashSecret, newSecret } from './security';

/** Issue a personal API token. `actor` is null for the operator's CLI. The token is shown once. */
export async function issueApiToken(ctx: Context, actor: Actor | null, input: { userId: number; label: string }, via: 'cli' | 'api' = 'api') {
  if (via === 'api') authorize(actor, 'token.issue');
  const label = input.label.trim() || 'API token';
  if (label.length > 100) throw invalid('label_too_long', 'Keep the token label under 100 characters.');
  const token = newSecret('cct_');
  const at = nowIso(ctx);
  return ctx.store.transaction(async (tx) => {
    const user = await tx.users.byId(input.userId);
    if (!user) throw notFound('user_not_found', 'No such user.');
    const id = await tx.users.insertApiToken({ userId: user.id, tokenHash: hashSecret(token), label, createdAt: at, lastUsedAt: null, revokedAt: null });
    await appendAudit(tx, { actor: actor ?? null, action: 'token.issue', subject: `user:${user.id}`, payload: { tokenId: id, label, via }, at });
    return { id, label, token, createdAt: at };
  });
}

export async function listApiTokens(ctx: Context, actor: Actor) {
  const tokens = await ctx.store.read.users.apiTokens(actor.userId);
  return tokens.map((t) => ({ id: t.id, label: t.label, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt }));
}

export async function revokeApiToken(ctx: Context, actor: Actor, id: number) {
  const at = nowIso(ctx);
  return ctx.store.transaction(async (tx) => {
    if (!(await tx.users.revokeApiToken(actor.userId, id, at))) throw notFound('token_not_found', 'No active token of yours has this id.');
    await appendAudit(tx, { actor, action: 'token.revoke', subject: `user:${actor.userId}`, payload: { tokenId: id }, at });
    return { id, revokedAt: at };
  });
}
