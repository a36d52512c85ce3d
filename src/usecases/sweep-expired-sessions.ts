import { nowIso, type Context } from './context';

export async function sweepExpiredSessions(ctx: Context): Promise<number> {
  return ctx.store.read.users.deleteExpiredSessions(nowIso(ctx));
}
