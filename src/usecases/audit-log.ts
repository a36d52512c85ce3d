import { verifyChain } from '../core/audit-chain';
import type { Actor } from '../core/policy';
import { authorize } from './authorize';
import type { Context } from './context';

export async function verifyAuditLog(ctx: Context) {
  return verifyChain(await ctx.store.read.audit.all());
}

export async function readAuditLog(ctx: Context, actor: Actor | null, opts: { before?: number | undefined; limit?: number | undefined }) {
  authorize(actor, 'audit.read');
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 500);
  return ctx.store.read.audit.page({ before: opts.before, limit });
}

export async function readOutbox(ctx: Context, actor: Actor | null) {
  authorize(actor, 'outbox.read');
  return ctx.store.read.outbox.list(200);
}
