import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DbId, ErrorBody, LangQuery } from '../../contract/common';
import {
  Body,
  Chairmanship,
  Forum,
  Meeting,
  NewChairmanship,
  NewParticipant,
  NewStatus,
  Observance,
  ParticipantDetail,
  ParticipantList,
  ParticipantsQuery,
} from '../../contract/registry';
import { addParticipant } from '../../usecases/add-participant';
import type { Context } from '../../usecases/context';
import { recordChairmanship } from '../../usecases/record-chairmanship';
import { recordStatusChange } from '../../usecases/record-status-change';
import {
  getForum,
  getMeeting,
  getParticipant,
  listBodies,
  listChairmanships,
  listMeetings,
  listObservances,
  listParticipants,
} from '../../usecases/registry-queries';
import { actorOf, langOf } from '../auth-hook';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const CodeParam = z.object({ code: z.string().min(1).max(16).transform((s) => s.toUpperCase()) });

export function registryRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/forum', { schema: { tags: ['registry'], summary: 'The forum and its chair today', querystring: LangQuery, response: { 200: Forum, 404: ErrorBody } } }, (req) =>
      getForum(ctx, langOf(req)),
    );

    app.get(
      '/participants',
      { schema: { tags: ['registry'], summary: 'Participants holding a status at a date', querystring: ParticipantsQuery, response: { 200: ParticipantList, 400: ErrorBody } } },
      (req) => listParticipants(ctx, { at: req.query.at, status: req.query.status, lang: langOf(req) }),
    );

    app.get(
      '/participants/:code',
      { schema: { tags: ['registry'], summary: 'A participant with its full status history', params: CodeParam, querystring: LangQuery, response: { 200: ParticipantDetail, 404: ErrorBody } } },
      (req) => getParticipant(ctx, req.params.code, langOf(req)),
    );

    app.post(
      '/participants',
      { schema: { tags: ['registry'], summary: 'Secretariat: add a participant', body: NewParticipant, response: { 201: ParticipantDetail, ...errors } } },
      async (req, reply) => {
        const b = req.body;
        const names = typeof b.name === 'string' ? { en: b.name.trim() } : b.name;
        const { code } = await addParticipant(ctx, actorOf(req), { code: b.code, kind: b.kind, names, note: b.note ?? null, status: b.status });
        return reply.status(201).send(await getParticipant(ctx, code, langOf(req)));
      },
    );

    app.post(
      '/participants/:code/statuses',
      { schema: { tags: ['registry'], summary: 'Secretariat: record a dated status change', params: CodeParam, body: NewStatus, response: { 201: ParticipantDetail, ...errors } } },
      async (req, reply) => {
        await recordStatusChange(ctx, actorOf(req), req.params.code, req.body);
        return reply.status(201).send(await getParticipant(ctx, req.params.code, langOf(req)));
      },
    );

    app.get('/bodies', { schema: { tags: ['registry'], summary: 'Bodies with their cycles', querystring: LangQuery, response: { 200: z.array(Body) } } }, (req) =>
      listBodies(ctx, langOf(req)),
    );

    app.get('/chairmanships', { schema: { tags: ['registry'], summary: 'Chairmanship terms', querystring: LangQuery, response: { 200: z.array(Chairmanship) } } }, (req) =>
      listChairmanships(ctx, langOf(req)),
    );

    app.post(
      '/chairmanships',
      { schema: { tags: ['registry'], summary: 'Secretariat: record a chairmanship term', body: NewChairmanship, response: { 201: Chairmanship, ...errors } } },
      async (req, reply) => {
        const term = await recordChairmanship(ctx, actorOf(req), { ...req.body, participant: req.body.participant.toUpperCase() });
        const all = await listChairmanships(ctx, langOf(req));
        return reply.status(201).send(all.find((t) => t.participant === term.participant && t.from === term.from)!);
      },
    );

    app.get(
      '/meetings',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Meetings, optionally only upcoming or past ones',
          querystring: z.object({ upcoming: z.enum(['true', 'false']).optional(), body: z.string().optional(), lang: z.enum(['en', 'ru', 'fr']).optional() }),
          response: { 200: z.array(Meeting) },
        },
      },
      (req) => listMeetings(ctx, { upcoming: req.query.upcoming === undefined ? undefined : req.query.upcoming === 'true', body: req.query.body, lang: langOf(req) }),
    );

    app.get(
      '/meetings/:id',
      { schema: { tags: ['meetings'], summary: 'A meeting', params: z.object({ id: DbId }), querystring: LangQuery, response: { 200: Meeting, 404: ErrorBody } } },
      (req) => getMeeting(ctx, req.params.id, langOf(req)),
    );

    app.get('/observances', { schema: { tags: ['registry'], summary: 'Observances with their next date', querystring: LangQuery, response: { 200: z.array(Observance) } } }, (req) =>
      listObservances(ctx, langOf(req)),
    );
  };
}
