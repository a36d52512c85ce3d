import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from './engine';
import { checkAmendment, checkExtension, checkLaunch, checkObjection, checkRoomObjection, checkStatement, checkSubject, checkWithdrawal } from './acts';
import { AZE_CHAIR, KOR_ADMISSION } from './sample.test-fixture';
import { PROBLEM_KINDS, type Check, type Decision } from './types';

const code = (c: Check | { ok: true } | { ok: false; problem: { code: string } }) => (c.ok ? null : c.problem.code);
const DEADLINE = AZE_CHAIR.deadline!;
const head = { participant: 'PAK', status: 'member' as const, byHead: true, now: '2024-03-18T10:00:00Z' };

describe('breaking silence in writing', () => {
  it("accepts a member's head of delegation before the deadline, with reasons", () => {
    expect(checkObjection(AZE_CHAIR, { ...head, reason: 'The term should be decided at the Ministerial Council in person.' })).toEqual({ ok: true });
    expect(checkAmendment(AZE_CHAIR, { ...head, text: 'for the period 2024–2026' })).toEqual({ ok: true });
  });

  it('refuses a late objection, saying when the deadline passed', () => {
    const late = checkObjection(AZE_CHAIR, { ...head, now: '2024-03-19T13:00:01Z', reason: 'Sorry we are late.' });
    expect(late).toEqual({ ok: false, problem: { code: 'deadline_passed', message: 'The deadline of this silence procedure passed at 2024-03-19T13:00:00.000Z.' } });
    expect(code(checkObjection(AZE_CHAIR, { ...head, now: DEADLINE, reason: 'x' }))).toBe('deadline_passed');
    // Still refused as late once the outcome is recorded: the message keeps pointing at the deadline.
    expect(code(checkObjection({ ...AZE_CHAIR, concludedAt: '2024-03-19T13:00:02Z' }, { ...head, now: '2024-03-20T00:00:00Z', reason: 'x' }))).toBe('deadline_passed');
    expect(PROBLEM_KINDS.deadline_passed).toBe('conflict');
  });

  it('refuses observers, partners, states not members on the opening date, and delegates who are not the head', () => {
    const observer = checkObjection(AZE_CHAIR, { ...head, participant: 'USA', status: 'observer', reason: 'x' });
    expect(observer).toMatchObject({ ok: false, problem: { code: 'observer_cannot_object' } });
    const partner = checkObjection(AZE_CHAIR, { ...head, participant: 'EAEU', status: 'partner', reason: 'x' });
    expect(partner).toEqual({ ok: false, problem: { code: 'not_member_on_opening', message: 'EAEU was not a member on 2024-03-12, when this decision was opened; only members on that date may object.' } });
    // Turkmenistan, admitted on the 15th (fictional), was an observer on the 12th: its status on the opening date is what counts.
    expect(code(checkObjection(AZE_CHAIR, { ...head, participant: 'TKM', status: 'observer', reason: 'x' }))).toBe('observer_cannot_object');
    expect(code(checkAmendment(AZE_CHAIR, { ...head, participant: 'XYZ', status: null, text: 'x' }))).toBe('not_member_on_opening');
    expect(code(checkObjection(AZE_CHAIR, { ...head, byHead: false, reason: 'x' }))).toBe('not_head');
    for (const c of ['observer_cannot_object', 'not_member_on_opening', 'not_head'] as const) expect(PROBLEM_KINDS[c]).toBe('forbidden');
  });

  it('requires reasons and wording', () => {
    expect(code(checkObjection(AZE_CHAIR, { ...head, reason: '   ' }))).toBe('reason_required');
    expect(code(checkObjection(AZE_CHAIR, { ...head, reason: undefined }))).toBe('reason_required');
    expect(code(checkAmendment(AZE_CHAIR, { ...head, text: '' }))).toBe('text_required');
  });

  it('sends objections in a meeting to the room, and refuses acts on a withdrawn decision', () => {
    const inMeeting = { ...head, now: '2006-06-17T05:00:00Z', participant: 'EGY' };
    expect(checkObjection(KOR_ADMISSION, { ...inMeeting, reason: 'x' })).toMatchObject({ ok: false, problem: { code: 'meeting_mode', message: expect.stringContaining('chair records it') } });
    expect(code(checkObjection({ ...AZE_CHAIR, withdrawnAt: '2024-03-15T00:00:00Z' }, { ...head, reason: 'x' }))).toBe('not_open');
    expect(code(checkObjection(AZE_CHAIR, { ...head, now: 'tomorrow', reason: 'x' }))).toBe('invalid_instant');
  });

  it('counts time to the millisecond, in any notation of the same instant', () => {
    fc.assert(fc.property(fc.integer({ min: -86_400_000, max: 86_400_000 }), (offset) => {
      const now = new Date(Date.parse(DEADLINE) + offset).toISOString();
      expect(code(checkObjection(AZE_CHAIR, { ...head, now, reason: 'x' }))).toBe(offset < 0 ? null : 'deadline_passed');
    }));
    expect(code(checkObjection(AZE_CHAIR, { ...head, now: '2024-03-19T17:59:59.999+05:00', reason: 'x' }))).toBe(null);
    expect(code(checkObjection(AZE_CHAIR, { ...head, now: '2024-03-19T18:00+05:00', reason: 'x' }))).toBe('deadline_passed');
  });
});

describe('statements', () => {
  const reservation = { ...head, participant: 'IND', kind: 'reservation', text: 'India reserves its position on the duration of the term.' };

  it('are attached by heads of delegation of members while the decision is open', () => {
    expect(checkStatement(AZE_CHAIR, reservation)).toEqual({ ok: true });
    expect(checkStatement(KOR_ADMISSION, { ...reservation, kind: 'interpretative', now: '2006-06-17T05:11:00Z' })).toEqual({ ok: true });
  });

  it('are refused after the deadline, after the gavel, from observers and non-heads, and without text', () => {
    expect(code(checkStatement(AZE_CHAIR, { ...reservation, now: DEADLINE }))).toBe('deadline_passed');
    expect(code(checkStatement({ ...KOR_ADMISSION, concludedAt: '2006-06-17T05:12:00Z' }, { ...reservation, now: '2006-06-17T05:13:00Z' }))).toBe('not_open');
    expect(code(checkStatement(AZE_CHAIR, { ...reservation, status: 'observer' }))).toBe('not_member_on_opening');
    expect(code(checkStatement(AZE_CHAIR, { ...reservation, byHead: false }))).toBe('not_head');
    expect(code(checkStatement(AZE_CHAIR, { ...reservation, kind: 'explanation_of_vote' }))).toBe('statement_kind_invalid');
    expect(code(checkStatement(AZE_CHAIR, { ...reservation, text: ' ' }))).toBe('text_required');
  });
});

describe('objections raised in the room', () => {
  const now = '2006-06-17T05:11:00Z';
  it('are recorded for members, in a meeting, before the gavel', () => {
    expect(checkRoomObjection(KOR_ADMISSION, { participant: 'EGY', status: 'member', now })).toEqual({ ok: true });
    expect(code(checkRoomObjection(KOR_ADMISSION, { participant: 'KOR', status: 'observer', now }))).toBe('observer_cannot_object');
    expect(code(checkRoomObjection(AZE_CHAIR, { participant: 'EGY', status: 'member', now: '2024-03-13T00:00:00Z' }))).toBe('silence_mode');
    expect(code(checkRoomObjection({ ...KOR_ADMISSION, concludedAt: now }, { participant: 'EGY', status: 'member', now }))).toBe('not_open');
  });
});

describe('extending the deadline', () => {
  it('before it passes, to a later time, returns the extension to record', () => {
    expect(checkExtension(AZE_CHAIR, '2024-03-21T13:00:00Z', '2024-03-19T08:00:00Z')).toEqual({
      ok: true, extension: { from: DEADLINE, to: '2024-03-21T13:00:00Z', at: '2024-03-19T08:00:00Z' },
    });
  });

  it('is refused once the deadline passed, for a shorter deadline, in a meeting, or after withdrawal', () => {
    expect(code(checkExtension(AZE_CHAIR, '2024-03-21T13:00:00Z', DEADLINE))).toBe('deadline_passed');
    expect(code(checkExtension(AZE_CHAIR, '2024-03-18T13:00:00Z', '2024-03-17T08:00:00Z'))).toBe('deadline_not_later');
    expect(code(checkExtension(AZE_CHAIR, '2024-03-19T18:00:00+05:00', '2024-03-17T08:00:00Z'))).toBe('deadline_not_later');
    expect(code(checkExtension(KOR_ADMISSION, '2006-06-18T00:00:00Z', '2006-06-17T05:00:00Z'))).toBe('meeting_mode');
    expect(code(checkExtension({ ...AZE_CHAIR, withdrawnAt: '2024-03-15T00:00:00Z' }, '2024-03-21T13:00:00Z', '2024-03-16T00:00:00Z'))).toBe('not_open');
    expect(code(checkExtension(AZE_CHAIR, 'next week', '2024-03-16T00:00:00Z'))).toBe('invalid_instant');
  });

  it('measures against the deadline in force after earlier extensions', () => {
    const once: Decision = { ...AZE_CHAIR, extensions: [{ from: DEADLINE, to: '2024-03-21T13:00:00.000Z', at: '2024-03-19T08:00:00Z' }] };
    expect(code(checkExtension(once, '2024-03-20T13:00:00Z', '2024-03-20T08:00:00Z'))).toBe('deadline_not_later');
    expect(checkExtension(once, '2024-03-22T13:00:00Z', '2024-03-20T08:00:00Z')).toMatchObject({ ok: true, extension: { from: '2024-03-21T13:00:00.000Z' } });
  });
});

describe('launching and withdrawing', () => {
  const now = '2024-03-12T04:00:00Z';
  it('needs a deadline at least a minute ahead for silence, and none in a meeting', () => {
    expect(checkLaunch({ mode: 'silence', deadline: DEADLINE, now })).toEqual({ ok: true });
    expect(checkLaunch({ mode: 'meeting', now })).toEqual({ ok: true });
    expect(code(checkLaunch({ mode: 'silence', now }))).toBe('deadline_required');
    expect(code(checkLaunch({ mode: 'silence', deadline: '2024-03-12T04:00:59Z', now }))).toBe('deadline_too_soon');
    expect(code(checkLaunch({ mode: 'silence', deadline: '2024-03-12T04:01:00Z', now }))).toBe(null);
    expect(code(checkLaunch({ mode: 'silence', deadline: '2024-03-11T04:00:00Z', now }))).toBe('deadline_too_soon');
    expect(code(checkLaunch({ mode: 'meeting', deadline: DEADLINE, now }))).toBe('deadline_not_allowed');
    expect(code(checkLaunch({ mode: 'vote', now }))).toBe('mode_invalid');
  });

  it('lets a forum ask for more notice, as the UN General Assembly did (72 hours)', () => {
    const r = checkLaunch({ mode: 'silence', deadline: '2024-03-14T04:00:00Z', now, minimumLeadMs: 72 * 3_600_000 });
    expect(r).toEqual({ ok: false, problem: { code: 'deadline_too_soon', message: 'The deadline must be at least 72 hours after 2024-03-12T04:00:00Z, so that capitals can give instructions.' } });
  });

  it('withdraws only an open decision', () => {
    expect(checkWithdrawal(AZE_CHAIR, '2024-03-15T00:00:00Z')).toEqual({ ok: true });
    expect(code(checkWithdrawal(AZE_CHAIR, DEADLINE))).toBe('deadline_passed');
    expect(code(checkWithdrawal({ ...KOR_ADMISSION, concludedAt: '2006-06-17T05:12:00Z' }, '2006-06-17T06:00:00Z'))).toBe('not_open');
  });
});

describe('subjects', () => {
  it('accepts each kind, including a recommendation passed up the chain', () => {
    expect(checkSubject(AZE_CHAIR.subject)).toEqual({ ok: true });
    expect(checkSubject(KOR_ADMISSION.subject)).toEqual({ ok: true });
    expect(checkSubject({ type: 'negotiation', negotiationId: 4, revision: 3, contentHash: 'abc' })).toEqual({ ok: true });
    expect(checkSubject({ type: 'meeting', title: 'Seventh CICA Summit', startsOn: '2026-10-05', endsOn: '2026-10-06', venue: 'Baku' })).toEqual({ ok: true });
    const chain = { type: 'recommendation' as const, toBody: 'SOC', recommended: { type: 'recommendation' as const, toBody: 'SUMMIT', recommended: { type: 'text' as const, text: 'CICA Day is observed on 5 October.' } } };
    expect(checkSubject(chain)).toEqual({ ok: true });
  });

  it('names what is missing', () => {
    expect(code(checkSubject({ type: 'text', text: ' ' }))).toBe('subject_invalid');
    expect(code(checkSubject({ type: 'negotiation', negotiationId: 0, revision: 1 }))).toBe('subject_invalid');
    expect(code(checkSubject({ type: 'chair', participant: 'AZE', from: '2026-12-17', to: '2024-12-17' }))).toBe('subject_invalid');
    expect(code(checkSubject({ type: 'meeting', title: 'x', startsOn: '2026-10-06', endsOn: '2026-10-05', venue: null }))).toBe('subject_invalid');
    expect(code(checkSubject({ type: 'recommendation', toBody: 'SOC', recommended: { type: 'text', text: '' } }))).toBe('subject_invalid');
    expect(code(checkSubject({ type: 'vote' } as never))).toBe('subject_invalid');
  });
});

describe('the checks and the engine agree', () => {
  it('an objection the checks accept is one the engine counts, and the other way round', () => {
    const T0 = Date.parse(DEADLINE);
    fc.assert(fc.property(
      fc.constantFrom('member', 'observer', 'partner', null),
      fc.boolean(),
      fc.oneof(fc.integer({ min: -600_000, max: 600_000 }), fc.constantFrom(0, -1)),
      fc.boolean(),
      (status, byHead, offset, withdrawn) => {
        const decision: Decision = withdrawn ? { ...AZE_CHAIR, withdrawnAt: '2024-03-12T05:00:00Z' } : AZE_CHAIR;
        const at = new Date(T0 + offset).toISOString();
        const accepted = checkObjection(decision, { participant: 'PAK', status, byHead, now: at, reason: 'No.' }).ok;
        const members = new Set(status === 'member' ? ['PAK'] : []);
        const e = evaluate(decision, { members, now: at, acts: [{ kind: 'objection', participant: 'PAK', reason: 'No.', at, byHead }] });
        if (!withdrawn) expect(e.countedActs.length === 1).toBe(accepted);
        else expect(accepted).toBe(false);
      },
    ));
  });
});
