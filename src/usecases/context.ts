import { dateInZone } from '../core/dates';
import type { EventBus, MailTransport, Store } from './ports';

export interface Context {
  store: Store;
  /** The server's clock; the core never reads one. */
  clock: () => Date;
  /** Base URL for links sent by mail, e.g. `http://localhost:3000`. */
  publicUrl: string;
  /** Where committed live events go; absent in contexts nobody watches (CLI, most tests). */
  events?: EventBus;
  /** SMTP, when configured; otherwise mail waits in the outbox. */
  mail?: MailTransport;
  /** How long before a silence deadline the reminder goes out (default 24 hours). */
  reminderLeadMs?: number;
}

export const DEFAULT_TIME_ZONE = 'Asia/Almaty';

export function nowIso(ctx: Context): string {
  return ctx.clock().toISOString();
}

/** Today's date in the forum's time zone: the date on which statuses and chairs are read. */
export async function forumToday(ctx: Context): Promise<string> {
  const forum = await ctx.store.read.registry.forum();
  return dateInZone(nowIso(ctx), forum?.timeZone ?? DEFAULT_TIME_ZONE);
}
