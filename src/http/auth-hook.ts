import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../core/policy';
import { authenticateSession, authenticateToken, type Authenticated } from '../usecases/authenticate';
import type { Context } from '../usecases/context';
import { AppError } from '../usecases/errors';

export const SESSION_COOKIE = 'concord_session';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writes that by nature come from someone not yet signed in. */
const ANONYMOUS_WRITES = [/^\/api\/auth\/(login|logout)(\?|$)/, /^\/api\/invitations\/[^/]+\/accept(\?|$)/];

/**
 * Who is asking: a bearer token, or the session cookie. Cookie-authenticated writes must echo
 * the session's CSRF token in `X-CSRF-Token`; bearer requests cannot be forged by a browser.
 */
export function installAuth(app: FastifyInstance, ctx: Context): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (!request.url.startsWith('/api/')) return;
    await identify(request);
    // Every write needs someone to answer for it; say so before looking at the body.
    if (!request.auth && !SAFE_METHODS.has(request.method) && !ANONYMOUS_WRITES.some((re) => re.test(request.url))) {
      throw new AppError('unauthenticated', 'unauthenticated', 'Sign in to do this.');
    }
  });

  async function identify(request: FastifyRequest): Promise<void> {
    const header = request.headers.authorization;
    if (header) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const auth = m ? await authenticateToken(ctx, m[1]!) : null;
      if (!auth) throw new AppError('unauthenticated', 'invalid_token', 'The API token is not valid or was revoked.');
      request.auth = auth;
      return;
    }
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return;
    const auth = await authenticateSession(ctx, raw);
    if (!auth) return;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (sent !== auth.session?.csrfToken) {
        throw new AppError('forbidden', 'csrf_failed', 'This request lacks the X-CSRF-Token header of your session; reload the page and try again.');
      }
    }
    request.auth = auth;
  }
}

export function actorOf(request: FastifyRequest): Actor | null {
  return request.auth?.actor ?? null;
}

export function requireAuth(request: FastifyRequest): Authenticated {
  if (!request.auth) throw new AppError('unauthenticated', 'unauthenticated', 'Sign in to do this.');
  return request.auth;
}

export function setSessionCookie(reply: FastifyReply, sessionId: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, sessionId, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 12 * 3600 });
}

export function langOf(request: FastifyRequest): 'en' | 'ru' | 'fr' {
  const q = (request.query as { lang?: string } | undefined)?.lang;
  if (q === 'en' || q === 'ru' || q === 'fr') return q;
  const accepted = (request.headers['accept-language'] ?? '').toLowerCase();
  for (const part of accepted.split(',')) {
    const tag = part.trim().slice(0, 2);
    if (tag === 'en' || tag === 'ru' || tag === 'fr') return tag;
  }
  return 'en';
}
