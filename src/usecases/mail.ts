import type { Context } from './context';
import type { JobRecord, MailMessage, Ports } from './ports';

/**
 * Mail is written to the outbox in the same transaction as the act that causes it, with a job to
 * deliver it: an acknowledged act never loses its notice, and a crash mid-send only delays it.
 */
export async function queueMail(tx: Ports, message: MailMessage, at: string): Promise<number> {
  const id = await tx.outbox.insert(message, at);
  await tx.jobs.enqueue({ key: `mail:${id}`, kind: 'mail.deliver', runAt: at, payload: { outboxId: id } });
  return id;
}

/** The `mail.deliver` job. Without SMTP the message simply stays in the outbox for the administrator. */
export async function deliverQueuedMail(ctx: Context, job: JobRecord): Promise<void> {
  const { outboxId } = job.payload as { outboxId: number };
  const message = await ctx.store.read.outbox.get(outboxId);
  if (!message || message.sentAt || !ctx.mail) return;
  await ctx.mail.send(message);
  await ctx.store.read.outbox.markSent(outboxId, ctx.clock().toISOString());
}
