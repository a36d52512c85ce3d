import type { Actor } from '../core/policy';
import { checkAccountShape, checkPassword, type AccountShape } from './account-rules';
import { appendAudit } from './audit';
import { authorize } from './authorize';
import { nowIso, type Context } from './context';
import { conflict } from './errors';
import { hashPassword } from './security';

/**
 * Create an account directly with a password. `actor` is null only for the operator's CLI,
 * which runs with the server's own rights on the machine.
 */
export async function createUser(ctx: Context, actor: Actor | null, input: AccountShape & { password: string }, via: 'cli' | 'api' = 'api') {
  if (via === 'api') authorize(actor, 'user.create');
  checkPassword(input.password);
  const shape = await checkAccountShape(ctx.store.read, input);
  const passwordHash = await hashPassword(input.password);
  const at = nowIso(ctx);
  return ctx.store.transaction(async (tx) => {
    if (await tx.users.byEmail(input.email)) throw conflict('email_taken', `An account for ${input.email} already exists.`);
    const id = await tx.users.insert({
      email: input.email.trim(),
      name: input.name.trim(),
      role: input.role,
      participant: shape.participant,
      functions: shape.functions,
      passwordHash,
      totpSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      locale: null,
      createdAt: at,
      disabledAt: null,
    });
    await appendAudit(tx, {
      actor,
      action: 'user.create',
      subject: `user:${id}`,
      payload: { email: input.email.trim().toLowerCase(), role: input.role, participant: shape.participant, functions: shape.functions, via },
      at,
    });
    return { id, email: input.email.trim().toLowerCase(), role: input.role, participant: shape.participant, functions: shape.functions };
  });
}
