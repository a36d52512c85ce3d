import { describe, expect, it } from 'vitest';
import { canMarkAgreed, overview } from './overview';
import { compareRevisions } from './revisions';
import { DRAFT, proposal } from './sample.test-fixture';
import type { Provision } from './types';

describe('comparing revisions', () => {
  it('matches provisions by id, shows word changes, renumbering, additions and removals in place', () => {
    const rev1: Provision[] = [
      ...DRAFT.slice(0, 3),
      { ...DRAFT[3]!, text: 'We will strengthen interaction among member States in implementing confidence-building measures.' },
      { id: 'op-thailand', kind: 'op', text: 'We welcome the accession of Thailand.', status: 'bracketed' },
      ...DRAFT.slice(4, 7).filter((p) => p.id !== 'op-terror'),
      ...DRAFT.slice(7),
    ];
    const result = compareRevisions(DRAFT, rev1);
    expect(result.map((r) => [r.provisionId, r.change, r.numFrom, r.numTo])).toEqual([
      ['pp-charter', 'unchanged', null, null],
      ['pp-almaty', 'unchanged', null, null],
      ['h-security', 'unchanged', 'I', 'I'],
      ['op-cbm', 'changed', '1', '1'],
      // Like the word diff, what went comes before what came in its place.
      ['op-terror', 'removed', '2', null],
      ['op-thailand', 'added', null, '2'],
      ['h-economy', 'unchanged', 'II', 'II'],
      ['op-trade', 'unchanged', '3', '3'],
      ['sub-transport', 'unchanged', '(a)', '(a)'],
      ['sub-energy', 'unchanged', '(b)', '(b)'],
      ['op-next', 'unchanged', '4', '4'],
    ]);
    expect(result[3]!.diff).toEqual([
      { op: 'equal', words: ['We', 'will', 'strengthen'] },
      { op: 'delete', words: ['cooperation'] },
      { op: 'insert', words: ['interaction'] },
      { op: 'equal', words: ['among', 'member', 'States', 'in', 'implementing', 'confidence-building', 'measures.'] },
    ]);
    expect(result[0]!.diff).toBeUndefined();
  });

  it('places a removed opening provision first', () => {
    expect(compareRevisions(DRAFT.slice(0, 2), DRAFT.slice(1, 2)).map((r) => r.change)).toEqual(['removed', 'unchanged']);
  });
});

describe('overview', () => {
  it('counts statuses, open proposals and the states holding provisions out', () => {
    const proposals = [
      proposal({ id: 'a', provisionId: 'op-cbm', type: 'delete', author: 'IND' }),
      proposal({ id: 'b', provisionId: 'op-cbm', type: 'delete', author: 'PAK', state: 'withdrawn' }),
      proposal({ id: 'c', provisionId: 'removed-long-ago', type: 'delete', author: 'PAK' }),
    ];
    const stances = [
      { provisionId: 'op-next', participant: 'IND', stance: 'cannot_accept' as const },
      { provisionId: 'op-next', participant: 'CHN', stance: 'cannot_accept' as const },
      { provisionId: 'op-cbm', participant: 'PAK', stance: 'cannot_accept' as const },
      { provisionId: 'op-cbm', participant: 'PAK', stance: 'ad_ref' as const },
      { provisionId: 'pp-almaty', participant: 'RUS', stance: 'cannot_accept' as const },
    ];
    expect(overview(DRAFT, proposals, stances)).toEqual({
      total: 10,
      agreed: 4,
      agreedAdRef: 1,
      bracketed: 5,
      holdouts: [
        { provisionId: 'pp-almaty', num: null, participants: ['RUS'] },
        { provisionId: 'op-next', num: '4', participants: ['CHN', 'IND'] },
      ],
      openProposals: 1,
    });
  });

  it('refuses to mark a provision agreed while proposals on it are open', () => {
    const open = proposal({ id: 'a', provisionId: 'op-cbm', type: 'amend', author: 'KAZ', range: { start: 3, end: 4 }, text: 'interaction' });
    expect(canMarkAgreed('op-cbm', [open])).toEqual({
      ok: false,
      problem: { code: 'open_proposals', message: '1 proposal is still open on this provision; accept or set it aside before marking it agreed.' },
    });
    expect(canMarkAgreed('op-cbm', [{ ...open, state: 'not_retained' }])).toEqual({ ok: true });
    expect(canMarkAgreed('op-cbm', [{ ...open, type: 'insert_after', range: null }])).toEqual({ ok: true });
  });
});
