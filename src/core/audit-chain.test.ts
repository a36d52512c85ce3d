import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, chainEntry, verifyChain, type AuditEntry } from './audit-chain';

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const e = chainEntry({ seq: i, at: `2026-01-01T00:00:0${i % 10}Z`, actorUserId: i, actorParticipant: 'KAZ', action: 'x', subject: `s${i}`, payload: { i } }, prev);
    out.push(e);
    prev = e.hash;
  }
  return out;
}

describe('audit hash chain', () => {
  it('verifies an intact chain', () => {
    expect(verifyChain(chain(5))).toMatchObject({ ok: true, entries: 5 });
  });

  it('names the first altered, removed or reordered entry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.nat(), fc.constantFrom('alter', 'remove', 'swap'), (n, pick, how) => {
        const entries = chain(n);
        const i = pick % (n - 1);
        if (how === 'alter') entries[i] = { ...entries[i]!, subject: 'rewritten' };
        if (how === 'remove') entries.splice(i, 1);
        if (how === 'swap') [entries[i], entries[i + 1]] = [entries[i + 1]!, entries[i]!];
        const verdict = verifyChain(entries);
        expect(verdict.ok).toBe(false);
        if (!verdict.ok) expect(verdict.firstBadSeq).toBe(i + 1);
      }),
    );
  });

  it('hashes payloads independently of key order', () => {
    const a = chainEntry({ seq: 1, at: 't', actorUserId: null, actorParticipant: null, action: 'a', subject: 's', payload: { x: 1, y: 2 } }, GENESIS_HASH);
    const b = chainEntry({ seq: 1, at: 't', actorUserId: null, actorParticipant: null, action: 'a', subject: 's', payload: { y: 2, x: 1 } }, GENESIS_HASH);
    expect(a.hash).toBe(b.hash);
  });
});
