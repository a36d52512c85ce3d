import { numberProvisions } from './numbering';
import type { Provision } from './types';
import { diffWords, normalizeText, tokenize, type WordDiff } from './words';

export type RevisionChange = 'added' | 'removed' | 'changed' | 'unchanged';

export interface ProvisionComparison {
  provisionId: string;
  change: RevisionChange;
  /** Number in the earlier revision (null if absent there or unnumbered, as preambular paragraphs are). */
  numFrom: string | null;
  numTo: string | null;
  /** Word-level differences, for changed provisions only. */
  diff?: WordDiff[];
}

/**
 * Compares two revisions provision by provision, matched by id rather than position: after "new OP
 * after 3" is accepted, old OP 4 is now OP 5 but unchanged, and delegations must see it that way.
 * Results follow the later revision; a removed provision is shown where it stood.
 */
export function compareRevisions(
  a: readonly Provision[],
  b: readonly Provision[],
  numbersA: ReadonlyMap<string, string | null> = numberProvisions(a),
  numbersB: ReadonlyMap<string, string | null> = numberProvisions(b),
): ProvisionComparison[] {
  const inA = new Map(a.map((p) => [p.id, p]));
  const inB = new Set(b.map((p) => p.id));

  // Each removed provision is shown after the nearest earlier provision that survived.
  const removedAfter = new Map<string | null, Provision[]>();
  let anchor: string | null = null;
  for (const p of a) {
    if (inB.has(p.id)) anchor = p.id;
    else removedAfter.set(anchor, [...(removedAfter.get(anchor) ?? []), p]);
  }
  const removed = (key: string | null): ProvisionComparison[] =>
    (removedAfter.get(key) ?? []).map((p) => ({ provisionId: p.id, change: 'removed', numFrom: numbersA.get(p.id) ?? null, numTo: null }));

  const out = removed(null);
  for (const p of b) {
    const before = inA.get(p.id);
    const numTo = numbersB.get(p.id) ?? null;
    if (before === undefined) {
      out.push({ provisionId: p.id, change: 'added', numFrom: null, numTo });
    } else {
      const numFrom = numbersA.get(p.id) ?? null;
      const same = before.kind === p.kind && normalizeText(before.text) === normalizeText(p.text);
      out.push(same ? { provisionId: p.id, change: 'unchanged', numFrom, numTo } : { provisionId: p.id, change: 'changed', numFrom, numTo, diff: diffWords(tokenize(before.text), tokenize(p.text)) });
    }
    out.push(...removed(p.id));
  }
  return out;
}
