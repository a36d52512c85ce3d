import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * The audit log is a hash chain: each entry carries the hash of the previous one and its own
 * hash over its content and that link. Altering, removing or reordering a row breaks the chain
 * at that row, which `verifyChain` names.
 */
export interface AuditContent {
  seq: number;
  at: string;
  actorUserId: number | null;
  actorParticipant: string | null;
  action: string;
  subject: string;
  payload: unknown;
}

export interface AuditEntry extends AuditContent {
  prevHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function entryHash(content: AuditContent, prevHash: string): string {
  const body = canonicalJson({ ...content, prevHash });
  return bytesToHex(sha256(utf8ToBytes(body)));
}

export function chainEntry(content: AuditContent, prevHash: string): AuditEntry {
  return { ...content, prevHash, hash: entryHash(content, prevHash) };
}

export type ChainVerdict =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; firstBadSeq: number; problem: string };

/** Verify entries in `seq` order. */
export function verifyChain(entries: Iterable<AuditEntry>): ChainVerdict {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (const e of entries) {
    count++;
    if (e.seq !== expectedSeq) {
      return { ok: false, entries: count, firstBadSeq: expectedSeq, problem: `entry ${expectedSeq} is missing (found ${e.seq} in its place)` };
    }
    if (e.prevHash !== prevHash) {
      return { ok: false, entries: count, firstBadSeq: e.seq, problem: `entry ${e.seq} does not link to the entry before it` };
    }
    const { prevHash: _p, hash, ...content } = e;
    if (entryHash(content, prevHash) !== hash) {
      return { ok: false, entries: count, firstBadSeq: e.seq, problem: `entry ${e.seq} was altered after it was written` };
    }
    prevHash = hash;
    expectedSeq++;
  }
  return { ok: true, entries: count, lastHash: prevHash };
}
