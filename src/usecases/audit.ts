import { chainEntry, type AuditEntry } from '../core/audit-chain';
import type { Actor } from '../core/policy';
import type { Ports } from './ports';

export interface AuditFact {
  actor: Pick<Actor, 'userId' | 'participant'> | null;
  action: string;
  subject: string;
  payload?: unknown;
  at: string;
}

/** Append one entry to the hash chain, inside the caller's transaction. */
export async function appendAudit(tx: Ports, fact: AuditFact): Promise<AuditEntry> {
  const head = await tx.audit.lockHead();
  const entry = chainEntry(
    {
      seq: (head?.seq ?? 0) + 1,
      at: fact.at,
      actorUserId: fact.actor?.userId ?? null,
      actorParticipant: fact.actor?.participant ?? null,
      action: fact.action,
      subject: fact.subject,
      payload: fact.payload ?? null,
    },
    head?.hash ?? '0'.repeat(64),
  );
  await tx.audit.insert(entry);
  return entry;
}
