import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords, joinWords, tokenize, type WordDiff } from './words';

const sideA = (diff: WordDiff[]) => diff.filter((d) => d.op !== 'insert').flatMap((d) => d.words);
const sideB = (diff: WordDiff[]) => diff.filter((d) => d.op !== 'delete').flatMap((d) => d.words);
const editCount = (diff: WordDiff[]) => diff.filter((d) => d.op !== 'equal').reduce((n, d) => n + d.words.length, 0);

function lcsLength(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const wa of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = wa === b[j - 1] ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
      diag = up;
    }
  }
  return row[b.length]!;
}

describe('words', () => {
  it('splits on whitespace and keeps punctuation attached to its word', () => {
    expect(tokenize('  We reaffirm our commitment,\n to the Charter of the United Nations. ')).toEqual([
      'We', 'reaffirm', 'our', 'commitment,', 'to', 'the', 'Charter', 'of', 'the', 'United', 'Nations.',
    ]);
    expect(tokenize('')).toEqual([]);
    expect(joinWords(tokenize('a   b\tc'))).toBe('a b c');
  });

  it('keeps a French no-break space inside the word it binds', () => {
    expect(tokenize('Déclaration d\u2019Almaty\u00a0: la paix')).toEqual(['Déclaration', 'd\u2019Almaty\u00a0:', 'la', 'paix']);
  });

  it('reports a replaced word as a deletion followed by an insertion', () => {
    const a = tokenize('strengthen cooperation among member States');
    const b = tokenize('strengthen interaction among member States');
    expect(diffWords(a, b)).toEqual([
      { op: 'equal', words: ['strengthen'] },
      { op: 'delete', words: ['cooperation'] },
      { op: 'insert', words: ['interaction'] },
      { op: 'equal', words: ['among', 'member', 'States'] },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffWords([], [])).toEqual([]);
    expect(diffWords([], ['a'])).toEqual([{ op: 'insert', words: ['a'] }]);
    expect(diffWords(['a', 'b'], [])).toEqual([{ op: 'delete', words: ['a', 'b'] }]);
  });

  it('is a valid, minimal and deterministic edit script', () => {
    const words = fc.array(fc.constantFrom('the', 'of', 'States', 'peace', 'and', 'security,'), { maxLength: 40 });
    fc.assert(
      fc.property(words, words, (a, b) => {
        const diff = diffWords(a, b);
        expect(sideA(diff)).toEqual(a);
        expect(sideB(diff)).toEqual(b);
        expect(editCount(diff)).toBe(a.length + b.length - 2 * lcsLength(a, b));
        expect(diffWords(a, b)).toEqual(diff);
        diff.forEach((d, i) => {
          expect(d.words.length).toBeGreaterThan(0);
          if (i > 0) expect(diff[i - 1]!.op).not.toBe(d.op);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('diffs two unrelated 2,000-word texts', () => {
    const a = Array.from({ length: 2000 }, (_, i) => `a${i % 97}`);
    const b = Array.from({ length: 2000 }, (_, i) => `b${i % 89}`);
    const diff = diffWords(a, b);
    expect(sideA(diff)).toEqual(a);
    expect(sideB(diff)).toEqual(b);
    const edited = [...a];
    for (let i = 0; i < 2000; i += 50) edited[i] = 'changed';
    expect(editCount(diffWords(a, edited))).toBe(80);
  });
});
