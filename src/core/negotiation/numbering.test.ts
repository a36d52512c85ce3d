import { describe, expect, it } from 'vitest';
import { numberProvisions, referenceLabels, subItemLetter, toRoman } from './numbering';
import { acceptProposal } from './proposals';
import { DRAFT, proposal } from './sample.test-fixture';

describe('numbering', () => {
  it('numbers sections in Roman numerals, operative paragraphs continuously, sub-items under their paragraph', () => {
    expect([...numberProvisions(DRAFT).values()]).toEqual([null, null, 'I', '1', '2', 'II', '3', '(a)', '(b)', '4']);
    expect([...referenceLabels(DRAFT).values()]).toEqual(['PP1', 'PP2', 'I', '1', '2', 'II', '3', '3 (a)', '3 (b)', '4']);
  });

  it('renumbers following paragraphs when a new one is inserted, keeping every id', () => {
    const accepted = acceptProposal(DRAFT, proposal({ id: 'p', provisionId: 'op-cbm', type: 'insert_after', author: 'TUR', text: 'We welcome the accession of Thailand.' }), 'op-new');
    if (!accepted.ok) throw new Error(accepted.problem.message);
    const numbers = numberProvisions(accepted.draft);
    expect(numbers.get('op-new')).toBe('2');
    expect(numbers.get('op-terror')).toBe('3');
    expect(numbers.get('op-next')).toBe('5');
    expect(accepted.draft.map((p) => p.id).filter((id) => id !== 'op-new')).toEqual(DRAFT.map((p) => p.id));
  });

  it('writes Roman numerals and long letterings the UN way', () => {
    expect([1, 4, 9, 14, 40, 1990].map(toRoman)).toEqual(['I', 'IV', 'IX', 'XIV', 'XL', 'MCMXC']);
    expect([1, 26, 27, 28].map(subItemLetter)).toEqual(['a', 'z', 'aa', 'bb']);
  });
});
