import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chairOn, continuouslySince, nextDue, nextOccurrence, planStatusChange, statusOn, type StatusPeriod } from './registry';

const thailand: StatusPeriod[] = [
  { status: 'observer', from: '2002-06-04', to: '2004-10-22', reference: null },
  { status: 'member', from: '2004-10-22', to: null, reference: 'Second Ministerial Meeting' },
];

describe('dated status', () => {
  it('reads the status in force on a date, periods being half-open', () => {
    expect(statusOn(thailand, '2004-10-21')?.status).toBe('observer');
    expect(statusOn(thailand, '2004-10-22')?.status).toBe('member');
    expect(statusOn(thailand, '2002-06-03')).toBeNull();
  });

  it('reports since when a status has been held without interruption', () => {
    const twoTerms: StatusPeriod[] = [
      { status: 'member', from: '2001-01-01', to: '2005-01-01', reference: null },
      { status: 'member', from: '2005-01-01', to: null, reference: null },
    ];
    expect(continuouslySince(twoTerms, '2010-01-01')).toBe('2001-01-01');
    expect(continuouslySince(thailand, '2010-01-01')).toBe('2004-10-22');
  });

  it('closes the open period when a new status starts, and refuses to rewrite history', () => {
    const open: StatusPeriod[] = [{ status: 'observer', from: '2010-01-01', to: null, reference: null }];
    const plan = planStatusChange(open, { status: 'member', from: '2014-05-20', to: null, reference: null });
    expect(plan).toEqual({ ok: true, close: open[0] });
    const back = planStatusChange(open, { status: 'member', from: '2009-01-01', to: null, reference: null });
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.problem.code).toBe('later_status_exists');
    const inverted = planStatusChange([], { status: 'member', from: '2014-05-20', to: '2014-05-01', reference: null });
    expect(inverted.ok).toBe(false);
  });

  it('holds at most one status on any date, whatever sequence of changes is recorded', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((n) => new Date(Date.UTC(1990, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('member', 'observer', 'partner' as const), day), { maxLength: 12 }), day, (changes, probe) => {
        let history: StatusPeriod[] = [];
        for (const [status, from] of changes) {
          const next = { status, from, to: null, reference: null } as StatusPeriod;
          const plan = planStatusChange(history, next);
          if (!plan.ok) continue;
          history = history.map((p) => (plan.close && p === plan.close ? { ...p, to: from } : p));
          history.push(next);
        }
        const holding = history.filter((p) => p.from <= probe && (p.to === null || probe < p.to));
        expect(holding.length).toBeLessThanOrEqual(1);
        expect(statusOn(history, probe)).toEqual(holding[0] ?? null);
      }),
    );
  });
});

describe('chair, cycles and observances', () => {
  const terms = [
    { participant: 'KAZ', from: '2002-06-04', to: '2010-06-08', reference: null },
    { participant: 'TUR', from: '2010-06-08', to: '2014-05-21', reference: null },
  ];
  it('names the chair on a date, the handover day belonging to the incoming chair', () => {
    expect(chairOn(terms, '2010-06-07')?.participant).toBe('KAZ');
    expect(chairOn(terms, '2010-06-08')?.participant).toBe('TUR');
    expect(chairOn(terms, '2015-01-01')).toBeNull();
  });
  it('says when a body is next due from its cycle', () => {
    expect(nextDue('2022-10-12', { everyMonths: 48 })).toBe('2026-10-12');
    expect(nextDue('2024-02-29', { everyMonths: 12 })).toBe('2025-02-28');
    expect(nextDue(null, { everyMonths: 12 })).toBeNull();
  });
  it('finds the next CICA Day', () => {
    expect(nextOccurrence({ month: 10, day: 5 }, '2026-11-27')).toBe('2027-10-05');
    expect(nextOccurrence({ month: 10, day: 5 }, '2026-10-05')).toBe('2026-10-05');
  });
});
