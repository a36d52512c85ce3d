import type { FastifyBaseLogger } from 'fastify';
import type { Context } from '../usecases/context';
import { sweepExpiredSessions } from '../usecases/sweep-expired-sessions';

const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * The worker role runs periodic, idempotent sweeps. Each sweep is safe to run on several
 * instances at once and after any restart: it only removes what has already expired.
 */
export function startWorker(ctx: Context, log: FastifyBaseLogger) {
  const run = async () => {
    try {
      const removed = await sweepExpiredSessions(ctx);
      if (removed) log.info({ removed }, 'expired sessions removed');
    } catch (err) {
      log.error({ err }, 'session sweep failed');
    }
  };
  void run();
  const timer = setInterval(run, SWEEP_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
