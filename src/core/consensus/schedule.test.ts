import { describe, expect, it } from 'vitest';
import { AZE_CHAIR, KOR_ADMISSION } from './sample.test-fixture';
import { jobAction, jobsFor } from './schedule';
import type { Decision } from './types';

const EXTENDED: Decision = { ...AZE_CHAIR, extensions: [{ from: AZE_CHAIR.deadline!, to: '2024-03-21T13:00:00Z', at: '2024-03-19T08:00:00Z' }] };

describe('timed jobs of a silence procedure', () => {
  it('holds a reminder 24 hours before the deadline and the conclusion at the deadline', () => {
    expect(jobsFor(AZE_CHAIR)).toEqual([
      { kind: 'reminder', at: '2024-03-18T13:00:00.000Z', key: 'decision:12:reminder:2024-03-19T13:00:00.000Z' },
      { kind: 'conclude', at: '2024-03-19T13:00:00.000Z', key: 'decision:12:conclude:2024-03-19T13:00:00.000Z' },
    ]);
    expect(jobsFor(AZE_CHAIR, { reminderLeadMs: 2 * 3_600_000 })[0]?.at).toBe('2024-03-19T11:00:00.000Z');
  });

  it('has no reminder when the procedure is shorter than the lead, and no jobs in a meeting or once settled', () => {
    const short = { ...AZE_CHAIR, deadline: '2024-03-12T16:00:00Z' };
    expect(jobsFor(short).map((j) => j.kind)).toEqual(['conclude']);
    expect(jobsFor(KOR_ADMISSION)).toEqual([]);
    expect(jobsFor({ ...AZE_CHAIR, withdrawnAt: '2024-03-15T00:00:00Z' })).toEqual([]);
    expect(jobsFor({ ...AZE_CHAIR, concludedAt: '2024-03-19T13:00:01Z' })).toEqual([]);
  });

  it('names the deadline in its keys, whatever its notation, so that an extension makes old jobs no-ops', () => {
    const same = { ...AZE_CHAIR, deadline: '2024-03-19T18:00:00+05:00' };
    expect(jobsFor(same).map((j) => j.key)).toEqual(jobsFor(AZE_CHAIR).map((j) => j.key));
    const before = jobsFor(AZE_CHAIR);
    const after = jobsFor(EXTENDED);
    expect(after.map((j) => j.key)).toEqual(['decision:12:reminder:2024-03-21T13:00:00.000Z', 'decision:12:conclude:2024-03-21T13:00:00.000Z']);
    for (const old of before) expect(jobAction(EXTENDED, old, old.at)).toBe('skip');
    for (const job of after) expect(jobAction(EXTENDED, job, job.at)).toBe('run');
  });

  it('skips a reminder found after the deadline (the server was down), but still concludes', () => {
    const [reminder, conclusion] = jobsFor(AZE_CHAIR);
    expect(jobAction(AZE_CHAIR, reminder!, '2024-03-19T12:00:00Z')).toBe('run');
    expect(jobAction(AZE_CHAIR, reminder!, '2024-03-19T14:00:00Z')).toBe('skip');
    expect(jobAction(AZE_CHAIR, conclusion!, '2024-03-20T08:00:00Z')).toBe('run');
    expect(jobAction({ ...AZE_CHAIR, concludedAt: '2024-03-19T13:00:01Z' }, conclusion!, '2024-03-20T08:00:00Z')).toBe('skip');
  });
});
