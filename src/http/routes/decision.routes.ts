import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DbId, ErrorBody, LangQuery } from '../../contract/common';
import { Decision, DecisionsQuery, ExtendRequest, NewDecision, ObjectionRequest, RoomObjectionRequest, StatementRequest } from '../../contract/decision';
import type { Context } from '../../usecases/context';
import { attachStatement, breakSilence, recordRoomObjection } from '../../usecases/decision/decision-acts';
import { concludeDecision, extendDeadline, withdrawDecision } from '../../usecases/decision/conclude-decision';
import { getDecision, listDecisions } from '../../usecases/decision/decision-queries';
import { launchDecision } from '../../usecases/decision/launch-decision';
import { actorOf, langOf, requireAuth } from '../auth-hook';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const IdParam = z.object({ id: DbId });

export function decisionRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    const show = (req: Parameters<typeof actorOf>[0] & { query: unknown; headers: Record<string, unknown> }, id: number) => getDecision(ctx, actorOf(req), id, langOf(req));

    app.get('/decisions', { schema: { tags: ['decisions'], summary: 'Decisions, open ones first (soonest deadline first)', querystring: DecisionsQuery, response: { 200: z.array(Decision), ...errors } } }, async (req) =>
      listDecisions(ctx, actorOf(req), req.query.status, langOf(req)),
    );
    app.post('/decisions', { schema: { tags: ['decisions'], summary: "Chair's delegation or secretariat: open a decision, in a meeting or by silence procedure", body: NewDecision, response: { 201: Decision, ...errors } } }, async (req, reply) => {
      const { id } = await launchDecision(ctx, actorOf(req), req.body);
      return reply.status(201).send(await show(req, id));
    });
    app.get('/decisions/:id', { schema: { tags: ['decisions'], summary: 'A decision with its acts, statements and chain of bodies', params: IdParam, querystring: LangQuery, response: { 200: Decision, ...errors } } }, async (req) =>
      show(req, req.params.id),
    );
    app.post('/decisions/:id/objections', { schema: { tags: ['decisions'], summary: 'Head of a member delegation: break silence (objection with reasons, or amendment)', params: IdParam, body: ObjectionRequest, response: { 201: Decision, ...errors } } }, async (req, reply) => {
      await breakSilence(ctx, actorOf(req), req.params.id, req.body);
      return reply.status(201).send(await show(req, req.params.id));
    });
    app.post('/decisions/:id/room-objections', { schema: { tags: ['decisions'], summary: 'Chair or secretariat: record an objection raised in the meeting', params: IdParam, body: RoomObjectionRequest, response: { 201: Decision, ...errors } } }, async (req, reply) => {
      await recordRoomObjection(ctx, actorOf(req), req.params.id, req.body);
      return reply.status(201).send(await show(req, req.params.id));
    });
    app.post('/decisions/:id/statements', { schema: { tags: ['decisions'], summary: 'Head of delegation: attach an interpretative statement or a reservation', params: IdParam, body: StatementRequest, response: { 201: Decision, ...errors } } }, async (req, reply) => {
      await attachStatement(ctx, actorOf(req), req.params.id, req.body);
      return reply.status(201).send(await show(req, req.params.id));
    });
    app.post('/decisions/:id/conclude', { schema: { tags: ['decisions'], summary: 'Chair: conclude a decision taken in a meeting', params: IdParam, response: { 200: Decision, ...errors } } }, async (req) => {
      await concludeDecision(ctx, actorOf(req), req.params.id);
      return show(req, req.params.id);
    });
    app.post('/decisions/:id/extend', { schema: { tags: ['decisions'], summary: 'Chair: extend a silence deadline before it passes', params: IdParam, body: ExtendRequest, response: { 200: Decision, ...errors } } }, async (req) => {
      await extendDeadline(ctx, actorOf(req), req.params.id, req.body.deadline);
      return show(req, req.params.id);
    });
    app.post('/decisions/:id/withdraw', { schema: { tags: ['decisions'], summary: 'Chair: withdraw a decision that is still open', params: IdParam, response: { 200: Decision, ...errors } } }, async (req) => {
      await withdrawDecision(ctx, actorOf(req), req.params.id);
      return show(req, req.params.id);
    });
    app.post('/me/inbox/read', { schema: { tags: ['auth'], summary: 'Mark your notifications read (all, or the one given)', body: z.object({ id: DbId.optional() }).nullish(), response: { 200: z.object({ marked: z.number() }), 401: ErrorBody } } }, async (req) => ({
      marked: await ctx.store.read.users.markRead(requireAuth(req).user.id, req.body?.id ?? 'all', ctx.clock().toISOString()),
    }));
    app.get('/me/inbox', { schema: { tags: ['auth'], summary: 'Your notifications', response: { 200: z.array(z.object({ id: z.number(), kind: z.string(), subject: z.string(), body: z.string(), link: z.string().nullable(), createdAt: z.string(), readAt: z.string().nullable() })), 401: ErrorBody } } }, async (req) =>
      ctx.store.read.users.inbox(requireAuth(req).user.id, 100),
    );
  };
}
