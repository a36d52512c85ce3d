import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { Health } from '../contract/registry';
import type { Context } from '../usecases/context';
import { installAuth } from './auth-hook';
import { errorBody, installErrorHandler } from './errors';
import { auditRoutes } from './routes/audit.routes';
import { authRoutes } from './routes/auth.routes';
import { registryRoutes } from './routes/registry.routes';
import { negotiationRoutes } from './routes/negotiation.routes';
import { decisionRoutes } from './routes/decision.routes';
import { EventHub } from '../realtime/hub';

export interface AppOptions {
  ctx: Context;
  version: string;
  logLevel?: string;
  /** Folder of the built web app; when absent or missing, only the API is served. */
  webDist?: string | undefined;
  /** Live events; by default an in-process hub (enough for one instance). */
  hub?: EventHub;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { ctx } = opts;
  const hub = opts.hub ?? new EventHub((n, after) => ctx.store.read.negotiations.eventsAfter(n, after, 500));
  ctx.events = hub;
  const app = Fastify({
    logger: {
      level: opts.logLevel ?? 'info',
      // Never log credentials: session cookies, bearer tokens, passwords.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    // Behind a reverse proxy on the same host, take the client address from X-Forwarded-For; never from strangers.
    trustProxy: 'loopback',
    bodyLimit: 1_048_576,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Concord API', version: opts.version, description: 'The working platform of a consensus-based intergovernmental forum.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'concord_session' },
          token: { type: 'http', scheme: 'bearer', description: 'Personal API token (cct_…)' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installAuth(app, ctx);

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { tags: ['platform'], summary: 'Liveness and database kind', response: { 200: Health } } }, async () => ({
    status: 'ok' as const,
    database: ctx.store.dialect,
    version: opts.version,
  }));
  await app.register(registryRoutes(ctx), { prefix: '/api' });
  await app.register(authRoutes(ctx, { secureCookies: ctx.publicUrl.startsWith('https://') }), { prefix: '/api' });
  await app.register(auditRoutes(ctx), { prefix: '/api' });
  await app.register(negotiationRoutes(ctx, hub), { prefix: '/api' });
  await app.register(decisionRoutes(ctx), { prefix: '/api' });

  const webDist = opts.webDist && fs.existsSync(path.join(opts.webDist, 'index.html')) ? opts.webDist : undefined;
  if (webDist) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, cacheControl: false });
    app.get('/assets/*', { schema: { hide: true } }, (req, reply) => {
      reply.header('cache-control', 'public, max-age=31536000, immutable');
      return reply.sendFile(`assets/${(req.params as { '*': string })['*']}`);
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url === '/api' || !webDist || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return reply.status(404).send(errorBody('not_found', `Nothing is at ${req.method} ${req.url.split('?')[0]}.`));
    }
    const file = req.url.split('?')[0]!;
    if (/\.[a-z0-9]+$/i.test(file) && fs.existsSync(path.join(webDist, file))) return reply.sendFile(file.slice(1));
    // The web app routes on the client: every other page is its index.
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
  return app;
}
