import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OutboxMessage } from '../../contract/auth';
import { DbId, ErrorBody } from '../../contract/common';
import { AuditEntry, AuditVerdict } from '../../contract/registry';
import { readAuditLog, readOutbox, verifyAuditLog } from '../../usecases/audit-log';
import type { Context } from '../../usecases/context';
import { actorOf, requireAuth } from '../auth-hook';

export function auditRoutes(ctx: Context): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: 'The audit log, newest first (secretariat and administrators)',
          querystring: z.object({ before: DbId.optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
          response: { 200: z.array(AuditEntry), 401: ErrorBody, 403: ErrorBody },
        },
      },
      async (req) => readAuditLog(ctx, actorOf(req), req.query),
    );

    app.get('/audit/verify', { schema: { tags: ['audit'], summary: 'Verify the hash chain of the audit log', response: { 200: AuditVerdict, 401: ErrorBody } } }, async (req) => {
      requireAuth(req);
      return verifyAuditLog(ctx);
    });

    app.get('/admin/outbox', { schema: { tags: ['admin'], summary: 'Mail written to the outbox (administrators)', response: { 200: z.array(OutboxMessage), 401: ErrorBody, 403: ErrorBody } } }, async (req) =>
      readOutbox(ctx, actorOf(req)),
    );
  };
}
