import { describe, expect, it } from 'vitest';
import { notRetainProposal, recordPosition, settleProposals, withdrawProposal } from './lifecycle';
import { acceptProposal, applyAmendment, checkProposal, makeProposal } from './proposals';
import { DRAFT, proposal } from './sample.test-fixture';
import type { Provision } from './types';

const cbm = DRAFT[3]!; // "We will strengthen cooperation among member States in implementing confidence-building measures."
const problem = (check: ReturnType<typeof checkProposal>) => (check.ok ? null : check.problem.code);

describe('checking a proposal', () => {
  it('accepts the four kinds of proposal when well formed', () => {
    expect(checkProposal(cbm, { type: 'amend', range: { start: 3, end: 4 }, text: 'interaction' })).toEqual({ ok: true });
    expect(checkProposal(cbm, { type: 'amend', range: { start: 3, end: 4 }, text: null })).toEqual({ ok: true });
    expect(checkProposal(cbm, { type: 'alternative', text: 'We will deepen dialogue.' })).toEqual({ ok: true });
    expect(checkProposal(cbm, { type: 'insert_after', text: 'We welcome Thailand.', newKind: 'sub' })).toEqual({ ok: true });
    expect(checkProposal(cbm, { type: 'delete' })).toEqual({ ok: true });
  });

  it('explains what is wrong in words a delegate understands', () => {
    const beyond = checkProposal(cbm, { type: 'amend', range: { start: 10, end: 14 }, text: 'x' });
    expect(beyond).toEqual({ ok: false, problem: { code: 'range_outside_text', message: 'The selection runs past the end of the provision, which has 11 words.' } });
    expect(problem(checkProposal(cbm, { type: 'amend', text: 'x' }))).toBe('range_required');
    expect(problem(checkProposal(cbm, { type: 'amend', range: { start: 4, end: 2 }, text: 'x' }))).toBe('range_invalid');
    expect(problem(checkProposal(cbm, { type: 'amend', range: { start: 2, end: 2 }, text: '  ' }))).toBe('text_required');
    expect(problem(checkProposal(cbm, { type: 'amend', range: { start: 3, end: 4 }, text: 'cooperation' }))).toBe('no_change');
    expect(problem(checkProposal(cbm, { type: 'alternative', text: '' }))).toBe('text_required');
    expect(problem(checkProposal(cbm, { type: 'alternative', text: cbm.text, range: { start: 0, end: 1 } }))).toBe('range_not_allowed');
    expect(problem(checkProposal(cbm, { type: 'alternative', text: ` ${cbm.text.replace(/ /g, '  ')}` }))).toBe('no_change');
    expect(problem(checkProposal(DRAFT[0]!, { type: 'insert_after', text: 'x', newKind: 'sub' }))).toBe('kind_not_allowed');
    expect(problem(checkProposal(cbm, { type: 'delete', text: 'other words' }))).toBe('text_not_allowed');
  });

  it('makes an open proposal on the current wording', () => {
    const made = makeProposal(DRAFT[2]!, { type: 'insert_after', text: ' We  welcome Thailand. ', justification: ' ' }, { id: 'p1', author: 'TUR' });
    expect(made).toMatchObject({ ok: true, proposal: { text: 'We welcome Thailand.', newKind: 'op', baseText: 'Security and confidence-building', state: 'open', applies: true, justification: null } });
  });
});

describe('accepting a proposal', () => {
  const accept = (...args: Parameters<typeof acceptProposal>): { draft: Provision[]; changedProvisionId: string | null } => {
    const result = acceptProposal(...args);
    if (!result.ok) throw new Error(result.problem.message);
    return result;
  };

  it('amends words, replaces with an alternative, deletes', () => {
    const amended = accept(DRAFT, proposal({ id: 'a', provisionId: 'op-cbm', type: 'amend', author: 'KAZ', range: { start: 3, end: 4 }, text: 'interaction' }));
    expect(amended.draft[3]!.text).toBe('We will strengthen interaction among member States in implementing confidence-building measures.');
    expect(amended.changedProvisionId).toBe('op-cbm');
    const alt = accept(DRAFT, proposal({ id: 'b', provisionId: 'op-next', type: 'alternative', author: 'PAK', text: 'We decide to hold the next Summit in 2010 in Istanbul.' }));
    expect(alt.draft[9]!.text).toBe('We decide to hold the next Summit in 2010 in Istanbul.');
    const deleted = accept(DRAFT, proposal({ id: 'c', provisionId: 'pp-almaty', type: 'delete', author: 'IND' }));
    expect(deleted).toMatchObject({ changedProvisionId: null });
    expect(deleted.draft.map((p) => p.id)).not.toContain('pp-almaty');
  });

  it('puts a new operative paragraph after the target and its sub-items, a new sub-item right after', () => {
    const op = accept(DRAFT, proposal({ id: 'd', provisionId: 'op-trade', type: 'insert_after', author: 'TUR', text: 'We support the Silk Road.', newKind: 'op' }), 'op-silk');
    expect(op.draft.map((p) => p.id).slice(6, 10)).toEqual(['op-trade', 'sub-transport', 'sub-energy', 'op-silk']);
    expect(op.draft[9]).toEqual({ id: 'op-silk', kind: 'op', text: 'We support the Silk Road.', status: 'bracketed' });
    const sub = accept(DRAFT, proposal({ id: 'e', provisionId: 'op-trade', type: 'insert_after', author: 'TUR', text: 'digital connectivity;', newKind: 'sub' }), 'sub-digital');
    expect(sub.draft.map((p) => p.id).slice(6, 9)).toEqual(['op-trade', 'sub-digital', 'sub-transport']);
  });

  it('refuses what cannot be accepted', () => {
    const stale = proposal({ id: 'f', provisionId: 'op-cbm', type: 'amend', author: 'KAZ', range: { start: 0, end: 1 }, text: 'They', baseText: 'Old wording here.' });
    const code = (r: ReturnType<typeof acceptProposal>) => (r.ok ? null : r.problem.code);
    expect(code(acceptProposal(DRAFT, stale))).toBe('stale_proposal');
    expect(code(acceptProposal(DRAFT, { ...stale, applies: false }))).toBe('no_longer_applies');
    expect(code(acceptProposal(DRAFT, { ...stale, state: 'withdrawn' }))).toBe('not_open');
    expect(code(acceptProposal(DRAFT, { ...stale, provisionId: 'gone' }))).toBe('provision_missing');
    const insert = proposal({ id: 'g', provisionId: 'op-cbm', type: 'insert_after', author: 'TUR', text: 'New.' });
    expect(code(acceptProposal(DRAFT, insert))).toBe('id_required');
    expect(code(acceptProposal(DRAFT, insert, 'op-terror'))).toBe('id_taken');
  });

  it('settles the other proposals: rebased, flagged, or superseded when their provision is gone', () => {
    const replace = proposal({ id: 'a', provisionId: 'op-cbm', type: 'amend', author: 'KAZ', range: { start: 3, end: 4 }, text: 'interaction' });
    const sameWord = proposal({ id: 'b', provisionId: 'op-cbm', type: 'amend', author: 'CHN', range: { start: 3, end: 4 }, text: 'dialogue' });
    const later = proposal({ id: 'c', provisionId: 'op-cbm', type: 'amend', author: 'IND', range: { start: 7, end: 7 }, text: 'effectively' });
    const onDeleted = proposal({ id: 'd', provisionId: 'pp-almaty', type: 'alternative', author: 'RUS', text: 'Guided by the Almaty Act,' });
    const accepted = accept(DRAFT, replace);
    const settled = settleProposals([replace, sameWord, later, onDeleted], DRAFT, accepted.draft, 'a');
    expect(settled.map((p) => [p.state, p.applies])).toEqual([['accepted', true], ['open', false], ['open', true], ['open', true]]);
    const afterDelete = accept(accepted.draft, proposal({ id: 'e', provisionId: 'pp-almaty', type: 'delete', author: 'IND' }));
    expect(settleProposals(settled, accepted.draft, afterDelete.draft, 'e')[3]!.state).toBe('superseded');
  });

  it('applies an amendment word by word', () => {
    expect(applyAmendment('to the purposes and principles', { start: 2, end: 2 }, 'lasting')).toBe('to the lasting purposes and principles');
    expect(applyAmendment('to the purposes and principles', { start: 3, end: 5 }, null)).toBe('to the purposes');
  });
});

describe('proposal lifecycle', () => {
  const p = proposal({ id: 'p', provisionId: 'op-cbm', type: 'delete', author: 'IND' });

  it('lets only the proposing state withdraw, and only while open', () => {
    expect(withdrawProposal(p, 'PAK')).toMatchObject({ ok: false, problem: { code: 'not_author' } });
    expect(withdrawProposal(p, 'IND')).toMatchObject({ ok: true, proposal: { state: 'withdrawn' } });
    expect(withdrawProposal({ ...p, state: 'accepted' }, 'IND')).toMatchObject({ ok: false, problem: { code: 'not_open' } });
    expect(notRetainProposal(p)).toMatchObject({ ok: true, proposal: { state: 'not_retained' } });
  });

  it('keeps one position per state: support, opposition, or none', () => {
    const supported = recordPosition(p, 'CHN', 'support');
    if (!supported.ok) throw new Error();
    const switched = recordPosition(supported.proposal, 'CHN', 'oppose');
    expect(switched).toMatchObject({ ok: true, proposal: { supporters: [], opponents: ['CHN'] } });
    expect(recordPosition(p, 'IND', 'support')).toMatchObject({ ok: false, problem: { code: 'own_proposal' } });
  });
});
