import QRCode from 'qrcode';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requiresSecondFactor } from '../../core/policy';
import { localized } from '../../core/registry';
import {
  AcceptInvitation,
  ApiToken,
  Invitation,
  InvitationInfo,
  IssuedApiToken,
  LoginRequest,
  LoginResponse,
  Me,
  NewApiToken,
  NewInvitation,
  TotpConfirm,
  TotpSetup,
} from '../../contract/auth';
import { DbId, ErrorBody } from '../../contract/common';
import { acceptInvitation, describeInvitation } from '../../usecases/accept-invitation';
import { issueApiToken, listApiTokens, revokeApiToken } from '../../usecases/api-tokens';
import { authenticateSession, type Authenticated } from '../../usecases/authenticate';
import type { Context } from '../../usecases/context';
import { beginTotpEnrolment, confirmTotpEnrolment } from '../../usecases/enrol-totp';
import { inviteUser } from '../../usecases/invite-user';
import { signIn, signOut } from '../../usecases/sign-in';
import { SESSION_COOKIE, langOf, requireAuth, setSessionCookie } from '../auth-hook';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };

async function presentMe(ctx: Context, auth: Authenticated, lang: string): Promise<z.infer<typeof Me>> {
  const { user, actor } = auth;
  const participant = user.participant ? await ctx.store.read.registry.participant(user.participant) : null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    participant: participant ? { code: participant.code, name: localized(participant.names, lang), status: actor.participantStatus } : null,
    functions: user.functions,
    isChair: actor.isChair,
    totpEnabled: !!user.totpEnabledAt,
    secondFactor: actor.secondFactor,
    secondFactorRequired: requiresSecondFactor(actor),
    csrfToken: auth.session?.csrfToken ?? null,
  };
}

export function authRoutes(ctx: Context, opts: { secureCookies: boolean }): FastifyPluginAsyncZod {
  return async (app) => {
    /** Open the session and answer as GET /api/me would. */
    async function startSession(reply: Parameters<typeof setSessionCookie>[0], sessionId: string, lang: string, mustEnrol: boolean) {
      setSessionCookie(reply, sessionId, opts.secureCookies);
      const auth = await authenticateSession(ctx, sessionId);
      return { user: await presentMe(ctx, auth!, lang), mustEnrolSecondFactor: mustEnrol };
    }

    app.post(
      '/auth/login',
      {
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], summary: 'Sign in with e-mail, password and (when enrolled) a TOTP code', body: LoginRequest, response: { 200: LoginResponse, ...errors } },
      },
      async (req, reply) => {
        const result = await signIn(ctx, req.body);
        return startSession(reply, result.sessionId, langOf(req), result.mustEnrolSecondFactor);
      },
    );

    app.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } } }, async (req, reply) => {
      const raw = req.cookies[SESSION_COOKIE];
      if (raw) await signOut(ctx, raw);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    });

    app.get('/me', { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: Me, 401: ErrorBody } } }, async (req) =>
      presentMe(ctx, requireAuth(req), langOf(req)),
    );

    app.post('/me/totp/setup', { schema: { tags: ['auth'], summary: 'Start setting up an authenticator app', response: { 200: TotpSetup, ...errors } } }, async (req) => {
      const { secret, uri } = await beginTotpEnrolment(ctx, requireAuth(req));
      return { secret, uri, qrSvg: await QRCode.toString(uri, { type: 'svg', margin: 1 }) };
    });

    app.post(
      '/me/totp/confirm',
      { schema: { tags: ['auth'], summary: 'Confirm the authenticator app with a code', body: TotpConfirm, response: { 200: z.object({ enabledAt: z.string() }), ...errors } } },
      async (req) => confirmTotpEnrolment(ctx, requireAuth(req), req.body.code),
    );

    app.get('/me/tokens', { schema: { tags: ['auth'], summary: 'Your API tokens', response: { 200: z.array(ApiToken), 401: ErrorBody } } }, async (req) =>
      listApiTokens(ctx, requireAuth(req).actor),
    );

    app.post(
      '/me/tokens',
      { schema: { tags: ['auth'], summary: 'Issue a personal API token (needs the second factor)', body: NewApiToken, response: { 201: IssuedApiToken, ...errors } } },
      async (req, reply) => {
        const auth = requireAuth(req);
        return reply.status(201).send(await issueApiToken(ctx, auth.actor, { userId: auth.user.id, label: req.body.label }));
      },
    );

    app.delete(
      '/me/tokens/:id',
      { schema: { tags: ['auth'], summary: 'Revoke one of your API tokens', params: z.object({ id: DbId }), response: { 200: z.object({ id: z.number(), revokedAt: z.string() }), ...errors } } },
      async (req) => revokeApiToken(ctx, requireAuth(req).actor, req.params.id),
    );

    app.post(
      '/invitations',
      { schema: { tags: ['auth'], summary: 'Invite a person by e-mail', body: NewInvitation, response: { 201: Invitation, ...errors } } },
      async (req, reply) => reply.status(201).send(await inviteUser(ctx, requireAuth(req).actor, req.body)),
    );

    app.get(
      '/invitations/:token',
      { schema: { tags: ['auth'], summary: 'What an invitation is for', params: z.object({ token: z.string().max(200) }), response: { 200: InvitationInfo, 404: ErrorBody, 409: ErrorBody } } },
      async (req) => describeInvitation(ctx, req.params.token),
    );

    app.post(
      '/invitations/:token/accept',
      {
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], summary: 'Accept an invitation: choose a password and sign in', params: z.object({ token: z.string().max(200) }), body: AcceptInvitation, response: { 200: LoginResponse, ...errors } },
      },
      async (req, reply) => {
        const { email } = await acceptInvitation(ctx, req.params.token, req.body);
        const result = await signIn(ctx, { email, password: req.body.password });
        return startSession(reply, result.sessionId, langOf(req), result.mustEnrolSecondFactor);
      },
    );
  };
}
