import type { FastifyBaseLogger } from 'fastify';
import type { Context } from '../usecases/context';
import { concludeDueDecision, remindDecision } from '../usecases/decision/conclude-decision';
import { deliverQueuedMail } from '../usecases/mail';
import { sweepExpiredSessions } from '../usecases/sweep-expired-sessions';
import { startQueue, type JobHandler } from './queue';

const SWEEP_EVERY_MS = 10 * 60_000;

/** What each kind of durable job does. Every handler is idempotent (see queue.ts). */
export const JOB_HANDLERS: Record<string, JobHandler> = {
  'mail.deliver': deliverQueuedMail,
  'decision.conclude': concludeDueDecision,
  'decision.reminder': remindDecision,
};

/**
 * The worker role: the durable job queue (mail, and deadlines as they are added) and periodic
 * sweeps. Safe to run on several instances at once and after any restart.
 */
export function startWorker(ctx: Context, log: FastifyBaseLogger, opts: { pollMs?: number } = {}) {
  const queue = startQueue(ctx, JOB_HANDLERS, { pollMs: opts.pollMs ?? 1000, onError: (err, job) => log.error({ err, job: job?.key }, 'job failed') });
  const sweep = async () => {
    try {
      const removed = await sweepExpiredSessions(ctx);
      if (removed) log.info({ removed }, 'expired sessions removed');
    } catch (err) {
      log.error({ err }, 'session sweep failed');
    }
  };
  void sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  return {
    stop: () => {
      queue.stop();
      clearInterval(timer);
    },
  };
}
