import type { Context } from '../usecases/context';
import type { JobRecord } from '../usecases/ports';

export type JobHandler = (ctx: Context, job: JobRecord) => Promise<void>;

export interface QueueOptions {
  /** How often to look for due jobs. */
  pollMs?: number;
  /** How long a claimed job is reserved for this worker before another may retry it. */
  leaseMs?: number;
  batch?: number;
  onError?: (err: unknown, job?: JobRecord) => void;
}

/** Back off 5 s, 10 s, 20 s … up to 10 minutes between attempts. */
export function retryDelayMs(attempts: number): number {
  return Math.min(600_000, 5_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Run every due job once. Handlers must be idempotent: a job whose worker died after acting but
 * before marking it done runs again when its lease expires, and must then change nothing.
 */
export async function runDueJobs(ctx: Context, handlers: Record<string, JobHandler>, opts: QueueOptions = {}): Promise<number> {
  const now = ctx.clock();
  const jobs = await ctx.store.read.jobs.claimDue(now.toISOString(), opts.batch ?? 20, opts.leaseMs ?? 60_000);
  for (const job of jobs) {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(ctx, job);
      await ctx.store.read.jobs.complete(job.id, ctx.clock().toISOString());
    } catch (err) {
      opts.onError?.(err, job);
      await ctx.store.read.jobs.retryLater(job.id, err instanceof Error ? err.message : String(err), new Date(ctx.clock().getTime() + retryDelayMs(job.attempts)).toISOString());
    }
  }
  return jobs.length;
}

/** Poll the queue until stopped. Each tick is independent, so several instances can poll one database. */
export function startQueue(ctx: Context, handlers: Record<string, JobHandler>, opts: QueueOptions = {}) {
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      // Drain: a full batch means more may be due.
      while (!stopped && (await runDueJobs(ctx, handlers, opts)) === (opts.batch ?? 20));
    } catch (err) {
      opts.onError?.(err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), opts.pollMs ?? 1000);
  timer.unref();
  void tick();
  return {
    tick,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
