import type { Actor } from '../core/policy';
import type { LocalizedText, ParticipantKind, ParticipantStatus } from '../core/registry';
import { appendAudit } from './audit';
import { authorize } from './authorize';
import { nowIso, type Context } from './context';
import { conflict, invalid } from './errors';

export interface AddParticipantInput {
  code: string;
  kind: ParticipantKind;
  names: LocalizedText;
  note?: string | null;
  /** Optionally its first status at once (e.g. an observer from a given date). */
  status?: { status: ParticipantStatus; from: string; reference?: string | null } | undefined;
}

export async function addParticipant(ctx: Context, actor: Actor | null, input: AddParticipantInput) {
  authorize(actor, 'registry.write');
  const code = input.code.trim().toUpperCase();
  if (input.kind === 'state' && !/^[A-Z]{3}$/.test(code)) {
    throw invalid('invalid_code', `A state is identified by its ISO 3166-1 alpha-3 code (three letters, e.g. KAZ); "${input.code}" is not one.`);
  }
  if (input.kind === 'organization' && !/^[A-Z][A-Z0-9-]{1,15}$/.test(code)) {
    throw invalid('invalid_code', `An organisation's code is 2–16 capital letters, digits or hyphens (e.g. OSCE); "${input.code}" is not one.`);
  }
  if (!input.names['en']?.trim() && !Object.values(input.names).some((n) => n.trim())) {
    throw invalid('name_required', 'Give the participant a name.');
  }
  const at = nowIso(ctx);
  return ctx.store.transaction(async (tx) => {
    if (await tx.registry.participant(code)) throw conflict('participant_exists', `A participant with the code ${code} already exists.`);
    await tx.registry.insertParticipant({ code, kind: input.kind, names: input.names, note: input.note ?? null }, at);
    if (input.status) {
      await tx.registry.insertStatus(code, { status: input.status.status, from: input.status.from, to: null, reference: input.status.reference ?? null });
    }
    await appendAudit(tx, { actor, action: 'participant.add', subject: `participant:${code}`, payload: { kind: input.kind, names: input.names, status: input.status ?? null }, at });
    return { code };
  });
}
