import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toHtml, toPlainText } from '../../core/negotiation';
import { DbId, ErrorBody, MAX_INT32 } from '../../contract/common';
import {
  DiffQuery,
  Negotiation,
  NegotiationSummary,
  NewNegotiation,
  NewProposal,
  PositionRequest,
  Proposal,
  ResolveRequest,
  Revision,
  RevisionDiff,
  StanceRequest,
  StatusRequest,
  TextQuery,
} from '../../contract/negotiation';
import type { EventHub } from '../../realtime/hub';
import type { Context } from '../../usecases/context';
import { createNegotiation } from '../../usecases/negotiation/create-negotiation';
import { issueRevision } from '../../usecases/negotiation/issue-revision';
import { assertReadable, diffRevisions, getNegotiation, listNegotiations, negotiationEventsAfter, renderNegotiationText } from '../../usecases/negotiation/negotiation-queries';
import { resolveProposal, takePosition, withdrawOwnProposal } from '../../usecases/negotiation/proposal-acts';
import { recordStance, setProvisionStatus } from '../../usecases/negotiation/provision-acts';
import { submitProposal } from '../../usecases/negotiation/submit-proposal';
import { actorOf, langOf } from '../auth-hook';
import { toDocx } from '../render-docx';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const MAX_EVENT_ID = MAX_INT32;
const IdParam = z.object({ id: DbId });
const ProposalParam = z.object({ id: z.string().min(1).max(64) });
const ProvisionParams = z.object({ id: DbId, pid: z.string().min(1).max(64) });

export function negotiationRoutes(ctx: Context, hub: EventHub): FastifyPluginAsyncZod {
  return async (app) => {
    // Live streams never end by themselves: close them when the server shuts down.
    const streams = new Set<import('node:http').ServerResponse>();
    app.addHook('preClose', async () => {
      for (const res of streams) res.end();
    });

    const present = async (req: { query: unknown; headers: Record<string, unknown> } & Parameters<typeof actorOf>[0], id: number) =>
      getNegotiation(ctx, actorOf(req), id, langOf(req));

    app.get('/negotiations', { schema: { tags: ['negotiation'], summary: 'Negotiations the reader may see', response: { 200: z.array(NegotiationSummary), 401: ErrorBody } } }, async (req) =>
      listNegotiations(ctx, actorOf(req)),
    );

    app.post(
      '/negotiations',
      { schema: { tags: ['negotiation'], summary: "Chair's delegation or secretariat: table a draft (revision 0)", body: NewNegotiation, response: { 201: Negotiation, ...errors } } },
      async (req, reply) => {
        const { id } = await createNegotiation(ctx, actorOf(req), req.body);
        return reply.status(201).send(await present(req, id));
      },
    );

    app.get(
      '/negotiations/:id',
      {
        schema: { tags: ['negotiation'], summary: 'The text with its provisions, proposals, stances and overview', params: IdParam, response: { 200: Negotiation, ...errors } },
        // A 300-provision text with 3,000 proposals is ~2 MB of JSON that delegates reload after every
        // event; re-validating it against the schema on the way out cost a third of the response time
        // (bench/RESULTS.md). The presenter builds exactly the contract's fields; the tests check them.
        serializerCompiler: () => (data) => JSON.stringify(data),
      },
      async (req) => present(req, req.params.id),
    );

    app.post(
      '/negotiations/:id/proposals',
      { schema: { tags: ['negotiation'], summary: 'Member delegation: propose an amendment, alternative, new provision or deletion', params: IdParam, body: NewProposal, response: { 201: Proposal, ...errors } } },
      async (req, reply) => {
        const p = await submitProposal(ctx, actorOf(req), req.params.id, req.body);
        const n = await present(req, req.params.id);
        return reply.status(201).send(n.provisions.flatMap((x) => x.proposals).find((x) => x.id === p.id)!);
      },
    );

    const proposalView = async (req: Parameters<typeof actorOf>[0] & { query: unknown; headers: Record<string, unknown> }, negotiationId: number, id: string) => {
      const n = await present(req, negotiationId);
      return [...n.provisions.flatMap((x) => x.proposals), ...n.orphanProposals].find((x) => x.id === id)!;
    };

    app.post(
      '/proposals/:id/support',
      { schema: { tags: ['negotiation'], summary: 'Member delegation: support (or oppose, or take back) a proposal', params: ProposalParam, body: PositionRequest.nullish(), response: { 200: Proposal, ...errors } } },
      async (req) => {
        const p = await takePosition(ctx, actorOf(req), req.params.id, req.body?.position ?? 'support');
        return proposalView(req, p.negotiationId, p.id);
      },
    );

    app.post(
      '/proposals/:id/withdraw',
      { schema: { tags: ['negotiation'], summary: 'The proposing delegation withdraws its proposal', params: ProposalParam, response: { 200: Proposal, ...errors } } },
      async (req) => {
        const p = await withdrawOwnProposal(ctx, actorOf(req), req.params.id);
        return proposalView(req, p.negotiationId, p.id);
      },
    );

    app.post(
      '/proposals/:id/resolve',
      { schema: { tags: ['negotiation'], summary: 'Facilitator: accept a proposal into the text, or do not retain it', params: ProposalParam, body: ResolveRequest, response: { 200: Proposal, ...errors } } },
      async (req) => {
        const p = await resolveProposal(ctx, actorOf(req), req.params.id, req.body.outcome);
        return proposalView(req, p.negotiationId, p.id);
      },
    );

    app.post(
      '/negotiations/:id/provisions/:pid/stance',
      { schema: { tags: ['negotiation'], summary: "Head of delegation: the state's stance on a provision", params: ProvisionParams, body: StanceRequest, response: { 200: z.object({ provisionId: z.string(), participant: z.string(), stance: z.string() }), ...errors } } },
      async (req) => recordStance(ctx, actorOf(req), req.params.id, req.params.pid, req.body.stance),
    );

    app.post(
      '/negotiations/:id/provisions/:pid/status',
      { schema: { tags: ['negotiation'], summary: 'Facilitator: bracketed, agreed ad ref or agreed', params: ProvisionParams, body: StatusRequest, response: { 200: z.object({ provisionId: z.string(), status: z.string() }), ...errors } } },
      async (req) => setProvisionStatus(ctx, actorOf(req), req.params.id, req.params.pid, req.body.status),
    );

    app.post(
      '/negotiations/:id/revisions',
      { schema: { tags: ['negotiation'], summary: 'Facilitator: issue the next revision (an immutable snapshot)', params: IdParam, response: { 201: Revision, ...errors } } },
      async (req, reply) => reply.status(201).send(await issueRevision(ctx, actorOf(req), req.params.id)),
    );

    app.get(
      '/negotiations/:id/text',
      {
        schema: {
          tags: ['negotiation'],
          summary: 'Clean or compilation text as JSON, plain text, HTML or DOCX',
          params: IdParam,
          querystring: TextQuery,
          response: { 200: z.any(), ...errors },
        },
      },
      async (req, reply) => {
        const q = req.query;
        const lang = langOf(req);
        const { doc, contentHash, clean } = await renderNegotiationText(ctx, actorOf(req), req.params.id, { view: q.view, lang, mine: q.mine === 'true', revision: q.revision });
        const base = `negotiation-${req.params.id}-${q.view}${doc.revision ? `-rev${doc.revision}` : ''}`;
        reply.header('x-content-hash', contentHash);
        switch (q.format) {
          case 'json':
            return { ...doc, contentHash, clean };
          case 'text':
            return reply.type('text/plain; charset=utf-8').send(toPlainText(doc));
          case 'html':
            return reply.type('text/html; charset=utf-8').send(toHtml(doc, { lang }));
          case 'docx':
            return reply
              .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
              .header('content-disposition', `attachment; filename="${base}.docx"`)
              .send(await toDocx(doc));
        }
      },
    );

    app.get(
      '/negotiations/:id/diff',
      { schema: { tags: ['negotiation'], summary: 'Word-by-word differences between two revisions', params: IdParam, querystring: DiffQuery, response: { 200: RevisionDiff, ...errors } } },
      async (req) => diffRevisions(ctx, actorOf(req), req.params.id, req.query.from, req.query.to),
    );

    app.get(
      '/negotiations/:id/events',
      {
        schema: {
          tags: ['negotiation'],
          summary: 'Server-Sent Events: every proposal, position, stance, status and revision as it happens',
          description: 'Resumes after the Last-Event-ID header (or ?lastEventId=); without either, sends only new events.',
          params: IdParam,
          querystring: z.object({ lastEventId: z.coerce.number().int().min(0).max(MAX_EVENT_ID).optional() }),
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const id = req.params.id;
        const header = Number(req.headers['last-event-id']);
        let last = Number.isInteger(header) && header >= 0 && header <= MAX_EVENT_ID ? header : (req.query.lastEventId ?? -1);
        // Authorizes the reader before the stream opens (a refusal is an ordinary JSON error).
        await assertReadable(ctx, actor, id);
        if (last < 0) last = await ctx.store.read.negotiations.lastEventId(id);

        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive', 'x-accel-buffering': 'no' });
        res.write('retry: 2000\n\n');
        streams.add(res);
        const send = (e: { id: number; type: string; at: string; payload: unknown }) => {
          if (e.id <= last) return;
          last = e.id;
          res.write(`id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify({ id: e.id, type: e.type, at: e.at, payload: e.payload })}\n\n`);
        };
        // Subscribe before reading the backlog, so nothing committed in between is missed.
        const buffered: Array<Parameters<typeof send>[0]> = [];
        let live = false;
        const unsubscribe = hub.subscribe(id, (e) => (live ? send(e) : buffered.push(e)));
        const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
        req.raw.on('close', () => {
          clearInterval(heartbeat);
          unsubscribe();
          streams.delete(res);
        });
        for (const e of await negotiationEventsAfter(ctx, actor, id, last)) send(e);
        for (const e of buffered) send(e);
        live = true;
      },
    );
  };
}
