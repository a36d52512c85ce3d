import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settleProposals } from './lifecycle';
import { acceptProposal, applyAmendment } from './proposals';
import { rebaseProposal } from './rebase';
import type { Proposal, Provision, WordRange } from './types';
import { joinWords, tokenize } from './words';

const CHARTER = 'We reaffirm our commitment to the purposes and principles of the Charter of the United Nations.';

function amendment(id: string, baseText: string, range: WordRange, text: string | null, author = 'KAZ'): Proposal {
  return { id, provisionId: 'op1', type: 'amend', author, text, range, baseText, justification: null, supporters: [], opponents: [], state: 'open', applies: true };
}

const covered = (text: string, r: WordRange) => tokenize(text).slice(r.start, r.end);

describe('rebasing an amendment onto new wording', () => {
  it('follows its words when other words changed', () => {
    const p = amendment('p1', CHARTER, { start: 11, end: 12 }, 'Statute'); // "Charter"
    const newText = 'We firmly reaffirm our commitment to the purposes and principles of the Charter of the United Nations.';
    const rebased = rebaseProposal(p, newText);
    expect(rebased).toMatchObject({ applies: true, range: { start: 12, end: 13 }, baseText: newText });
  });

  it('is flagged as no longer applying when its words were replaced, keeping what it was made on', () => {
    const p = amendment('p1', CHARTER, { start: 6, end: 7 }, 'objectives'); // "purposes"
    const newText = applyAmendment(CHARTER, { start: 6, end: 7 }, 'aims');
    const rebased = rebaseProposal(p, newText);
    expect(rebased.applies).toBe(false);
    expect(rebased.range).toEqual({ start: 6, end: 7 });
    expect(rebased.baseText).toBe(CHARTER);
    // The facilitator restores the words: the amendment applies again.
    expect(rebaseProposal(rebased, CHARTER).applies).toBe(true);
  });

  it('is flagged when words were slipped into the span it changes', () => {
    const p = amendment('p1', CHARTER, { start: 6, end: 9 }, 'goals'); // "purposes and principles"
    expect(rebaseProposal(p, applyAmendment(CHARTER, { start: 7, end: 7 }, 'lasting')).applies).toBe(false);
  });

  it('anchors an insertion between its neighbours', () => {
    const insert = amendment('p1', CHARTER, { start: 3, end: 3 }, 'unwavering'); // before "commitment"
    expect(rebaseProposal(insert, `Heads of State: ${CHARTER}`)).toMatchObject({ applies: true, range: { start: 6, end: 6 } });
    expect(rebaseProposal(insert, applyAmendment(CHARTER, { start: 3, end: 3 }, 'strong')).applies).toBe(false);
    expect(rebaseProposal(insert, applyAmendment(CHARTER, { start: 2, end: 3 }, 'their')).applies).toBe(false);
  });

  it('always carries alternatives and deletions over', () => {
    const alt: Proposal = { ...amendment('p1', CHARTER, { start: 0, end: 0 }, 'x'), type: 'alternative', range: null, text: 'We recall the Charter.' };
    expect(rebaseProposal(alt, 'Something else entirely.')).toMatchObject({ applies: true, baseText: 'Something else entirely.' });
    expect(rebaseProposal({ ...alt, type: 'delete', text: null }, 'Other.')).toMatchObject({ applies: true, baseText: 'Other.' });
  });

  it('still changes the same words after any change of wording (property)', () => {
    const word = fc.constantFrom('the', 'of', 'and', 'States', 'peace', 'security', 'Asia,', 'cooperation');
    const text = fc.array(word, { minLength: 1, maxLength: 25 }).map(joinWords);
    const scenario = text.chain((base) => {
      const n = tokenize(base).length;
      const range = fc.nat({ max: n }).chain((start) => fc.nat({ max: n - start }).map((len) => ({ start, end: start + len })));
      return fc.tuple(fc.constant(base), range, fc.oneof(text, range.chain((r) => fc.array(word, { maxLength: 3 }).map((w) => applyAmendment(base, r, joinWords(w))))));
    });
    fc.assert(
      fc.property(scenario, ([base, range, newText]) => {
        const rebased = rebaseProposal(amendment('p', base, range, 'interaction'), newText);
        if (!rebased.applies) return;
        expect(covered(newText, rebased.range!)).toEqual(covered(base, range));
        if (range.start === range.end) {
          expect(tokenize(newText)[rebased.range!.start - 1]).toEqual(tokenize(base)[range.start - 1]);
          expect(tokenize(newText)[rebased.range!.start]).toEqual(tokenize(base)[range.start]);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('accepting non-overlapping amendments', () => {
  // Base words are distinct and replacement words come from another vocabulary, so that the word diff
  // can only explain each acceptance one way; with repeated words a text-only rebase is ambiguous and
  // may (safely) flag a proposal instead.
  const edits = fc.array(
    fc.record({ gap: fc.integer({ min: 1, max: 4 }), len: fc.integer({ min: 0, max: 3 }), words: fc.array(fc.constantFrom('r1', 'r2', 'r3'), { maxLength: 3 }) }),
    { minLength: 1, maxLength: 5 },
  );
  const scenario = fc.tuple(fc.integer({ min: 1, max: 30 }), edits).chain(([n, raw]) => {
    const base = joinWords(Array.from({ length: n }, (_, i) => `w${i}`));
    const proposals: Proposal[] = [];
    let pos = 0;
    raw.forEach((e, i) => {
      const zone = pos + e.gap - 1;
      // An insertion's zone is the two words it sits between; a replacement's is the words it replaces.
      const range = e.len === 0 ? { start: zone + 1, end: zone + 1 } : { start: zone, end: zone + e.len };
      const words = e.len === 0 && e.words.length === 0 ? ['r0'] : e.words;
      if (range.end > n) return;
      proposals.push(amendment(`p${i}`, base, range, words.length ? joinWords(words) : null));
      pos = e.len === 0 ? range.start + 1 : range.end;
    });
    return fc.tuple(fc.constant(base), fc.shuffledSubarray(proposals, { minLength: proposals.length, maxLength: proposals.length }));
  });

  it('gives the same text in any order, rebasing the rest after each acceptance (property)', () => {
    fc.assert(
      fc.property(scenario, ([base, order]) => {
        const expected = [...order].sort((a, b) => b.range!.start - a.range!.start).reduce((t, p) => applyAmendment(t, p.range!, p.text), base);
        let draft: Provision[] = [{ id: 'op1', kind: 'op', text: base, status: 'bracketed' }];
        let pending = order;
        for (const next of order) {
          const current = pending.find((p) => p.id === next.id)!;
          expect(current.applies).toBe(true);
          const result = acceptProposal(draft, current, undefined);
          if (!result.ok) throw new Error(result.problem.message);
          pending = settleProposals(pending, draft, result.draft, current.id);
          draft = result.draft;
        }
        expect(draft[0]!.text).toBe(expected);
        expect(pending.every((p) => p.state === 'accepted')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
