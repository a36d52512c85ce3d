import path from 'node:path';
import pkg from '../package.json' with { type: 'json' };

/** Everything configurable comes from the environment; see the README for each variable. */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  smtpUrl: string | undefined;
  roles: Array<'web' | 'worker'>;
  logLevel: string;
  version: string;
  reminderHours: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  const host = env.HOST ?? '0.0.0.0';
  const roles = (env.CONCORD_ROLES ?? 'web,worker').split(',').map((r) => r.trim()).filter(Boolean);
  for (const r of roles) if (r !== 'web' && r !== 'worker') throw new Error(`CONCORD_ROLES lists "${r}"; use web, worker or both.`);
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must be a postgres:// URL; leave it unset to use SQLite in CONCORD_DATA_DIR.');
  }
  const reminderHours = Number(env.CONCORD_REMINDER_HOURS ?? 24);
  if (!Number.isFinite(reminderHours) || reminderHours < 0) throw new Error(`CONCORD_REMINDER_HOURS must be a number of hours, not "${env.CONCORD_REMINDER_HOURS}".`);
  return {
    reminderHours,
    port,
    host,
    databaseUrl,
    dataDir: path.resolve(env.CONCORD_DATA_DIR ?? 'data'),
    publicUrl: (env.CONCORD_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    smtpUrl: env.SMTP_URL || undefined,
    roles: roles as Array<'web' | 'worker'>,
    logLevel: env.LOG_LEVEL ?? 'info',
    version: pkg.version,
  };
}
