import type { Actor } from '../core/policy';
import { actorFor } from './authorize';
import { forumToday, nowIso, type Context } from './context';
import type { SessionRecord, UserRecord } from './ports';
import { hashSecret } from './security';

export interface Authenticated {
  user: UserRecord;
  actor: Actor;
  /** Present for cookie sessions; absent for API tokens, which need no CSRF token. */
  session: SessionRecord | null;
  via: 'session' | 'token';
}

export async function authenticateSession(ctx: Context, rawSessionId: string): Promise<Authenticated | null> {
  const ports = ctx.store.read;
  const session = await ports.users.session(hashSecret(rawSessionId));
  if (!session || session.expiresAt <= nowIso(ctx)) return null;
  const user = await ports.users.byId(session.userId);
  if (!user || user.disabledAt) return null;
  const actor = await actorFor(ports, user, await forumToday(ctx), session.secondFactor);
  return { user, actor, session, via: 'session' };
}

/** A valid API token stands for a user who proved the second factor when it was issued. */
export async function authenticateToken(ctx: Context, rawToken: string): Promise<Authenticated | null> {
  const ports = ctx.store.read;
  const token = await ports.users.apiTokenByHash(hashSecret(rawToken));
  if (!token || token.revokedAt) return null;
  const user = await ports.users.byId(token.userId);
  if (!user || user.disabledAt) return null;
  await ports.users.touchApiToken(token.id, nowIso(ctx));
  const actor = await actorFor(ports, user, await forumToday(ctx), true);
  return { user, actor, session: null, via: 'token' };
}
