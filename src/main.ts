import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from './config';
import { buildApp } from './http/app';
import { smtpTransport } from './jobs/smtp';
import { startWorker } from './jobs/worker';
import { openContext } from './compose';
import { EventHub } from './realtime/hub';
import { postgresRelay } from './store/dialect/postgres-notify';
import { issueFirstAdminLink } from './usecases/first-admin';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

/** Composition root: choose the database, migrate, seed on first start, start the roles asked for. */
export async function startConcord(config: Config = loadConfig()) {
  const { ctx, store, seeded } = await openContext(config);
  if (config.smtpUrl) ctx.mail = smtpTransport(config.smtpUrl);
  // Several instances on one PostgreSQL database hear each other's live events through LISTEN/NOTIFY.
  const relay = store.dialect === 'postgres' ? postgresRelay(config.databaseUrl!, (err) => process.stderr.write(`live events relay: ${String(err)}\n`)) : undefined;
  await relay?.ready;
  const hub = new EventHub((n, after) => store.read.negotiations.eventsAfter(n, after, 500), relay);
  const app = await buildApp({ ctx, version: config.version, logLevel: config.logLevel, webDist: WEB_DIST, hub });
  if (seeded) app.log.info('Loaded the CICA sample forum into the new database.');
  const link = await issueFirstAdminLink(ctx);
  const worker = config.roles.includes('worker') ? startWorker(ctx, app.log) : null;
  if (config.roles.includes('web')) {
    await app.listen({ port: config.port, host: config.host });
    const where = store.dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL';
    process.stdout.write(`\nConcord ${config.version} is running at ${config.publicUrl} (${where}).\n`);
    if (link) process.stdout.write(`No administrator exists yet. Create the first one with this one-time link:\n  ${link}\n\n`);
  }
  const stop = async () => {
    worker?.stop();
    await app.close();
    await relay?.close();
    await store.close();
  };
  return { app, ctx, store, stop };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  startConcord()
    .then(({ stop }) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => {
          stop().then(
            () => process.exit(0),
            () => process.exit(1),
          );
        });
      }
    })
    .catch((err: unknown) => {
      process.stderr.write(`Concord could not start: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
