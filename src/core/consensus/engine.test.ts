import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conclude, concludeMeeting, concludeSilence, evaluate, membersOn } from './engine';
import { AZE_CHAIR, KOR_ADMISSION, objection, REGISTRY, roomObjection, statement } from './sample.test-fixture';
import type { Act, Decision } from './types';

const MEMBERS_2024 = membersOn(REGISTRY, AZE_CHAIR.openedOn);
const MEMBERS_2006 = membersOn(REGISTRY, KOR_ADMISSION.openedOn);
const DEADLINE = AZE_CHAIR.deadline!;
const at = (iso: string) => ({ members: MEMBERS_2024, now: iso });

describe('who may object: members on the opening date', () => {
  it('takes the registry on the date the decision opened', () => {
    expect([...MEMBERS_2024].sort()).toEqual(['AZE', 'CHN', 'EGY', 'IND', 'KAZ', 'PAK', 'RUS', 'THA', 'TUR']);
    // Turkmenistan became a member on 15 March (fictional), after the text was circulated on the 12th.
    expect(MEMBERS_2024.has('TKM')).toBe(false);
    expect(membersOn(REGISTRY, '2024-03-15').has('TKM')).toBe(true);
    expect(MEMBERS_2006.has('KOR')).toBe(false);
    expect(MEMBERS_2006.has('THA')).toBe(true);
  });
});

describe("silence procedure: Azerbaijan's chairmanship, Ministerial Council, March 2024", () => {
  it('is open before the deadline, with nothing due', () => {
    const e = evaluate(AZE_CHAIR, { ...at('2024-03-19T12:59:59.999Z'), acts: [statement('KAZ', '2024-03-14T09:00:00Z')] });
    expect(e).toMatchObject({ status: 'open', due: 'none', effectiveAt: null, brokenBy: [], deadline: DEADLINE });
    expect(e.countedActs).toHaveLength(1);
  });

  it('is adopted at the deadline itself when silence was not broken, whenever someone looks', () => {
    const exactly = evaluate(AZE_CHAIR, { ...at(DEADLINE), acts: [] });
    expect(exactly).toMatchObject({ status: 'adopted', due: 'conclude', effectiveAt: DEADLINE });
    // The server was down overnight: concluded the next morning, still effective at 18:00 Astana time on the 19th.
    const nextMorning = evaluate(AZE_CHAIR, { ...at('2024-03-20T03:00:00Z'), acts: [] });
    expect(nextMorning).toMatchObject({ status: 'adopted', due: 'conclude', effectiveAt: DEADLINE });
    const concluded = concludeSilence(AZE_CHAIR, { members: MEMBERS_2024, acts: [] }, '2024-03-20T03:00:00Z');
    expect(concluded).toMatchObject({ ok: true, decision: { concludedAt: '2024-03-20T03:00:00Z' }, evaluation: { status: 'adopted', due: 'none', effectiveAt: DEADLINE } });
  });

  it('is not adopted when a member state breaks silence in writing, naming the states', () => {
    const acts: Act[] = [
      objection('PAK', '2024-03-18T10:00:00Z'),
      { kind: 'amendment', participant: 'IND', text: 'for the period 2024–2026 only', at: '2024-03-19T12:59:59Z', byHead: true },
      objection('PAK', '2024-03-18T11:00:00Z', { reason: 'And again.' }),
    ];
    const before = evaluate(AZE_CHAIR, { ...at('2024-03-19T00:00:00Z'), acts });
    expect(before).toMatchObject({ status: 'open', due: 'none', brokenBy: ['IND', 'PAK'] });
    const after = evaluate(AZE_CHAIR, { ...at(DEADLINE), acts });
    expect(after).toMatchObject({ status: 'not_adopted', due: 'conclude', effectiveAt: DEADLINE, brokenBy: ['IND', 'PAK'] });
    expect(after.countedActs.map((a) => a.at)).toEqual(['2024-03-18T10:00:00Z', '2024-03-18T11:00:00Z', '2024-03-19T12:59:59Z']);
  });

  it('ignores, with the reason, objections that do not count', () => {
    const acts: Act[] = [
      objection('USA', '2024-03-13T00:00:00Z'), // observer
      objection('EAEU', '2024-03-13T00:00:00Z'), // partner
      objection('TKM', '2024-03-16T00:00:00Z'), // member only since the 15th
      objection('CHN', '2024-03-13T00:00:00Z', { byHead: false }), // a delegate, not the head
      objection('RUS', DEADLINE), // at the deadline is too late
      roomObjection('IND', '2024-03-13T00:00:00Z'), // no room in a silence procedure
    ];
    const e = evaluate(AZE_CHAIR, { ...at('2024-03-21T00:00:00Z'), acts });
    expect(e.status).toBe('adopted');
    expect(e.ignoredActs.map((i) => [i.act.participant, i.reason]).sort()).toEqual([
      ['CHN', 'not_head'], ['EAEU', 'not_member'], ['IND', 'wrong_mode'], ['RUS', 'late'], ['TKM', 'not_member'], ['USA', 'not_member'],
    ]);
  });

  it('compares instants as times, not as strings', () => {
    const d: Decision = { ...AZE_CHAIR, deadline: '2024-03-19T13:00:00Z' };
    // "…12:59:59.5Z" sorts after "…13:00:00Z" as a string, but is half a second before it.
    expect(evaluate(d, { ...at('2024-03-19T18:00:00+05:00'), acts: [objection('PAK', '2024-03-19T12:59:59.5Z')] }).status).toBe('not_adopted');
    expect(evaluate(d, { ...at('2024-03-19T17:59:59+05:00'), acts: [] }).status).toBe('open');
  });

  it('runs to the extended deadline; an objection between the two deadlines counts', () => {
    const extended: Decision = { ...AZE_CHAIR, extensions: [{ from: DEADLINE, to: '2024-03-21T13:00:00.000Z', at: '2024-03-19T08:00:00Z' }] };
    const acts = [objection('PAK', '2024-03-20T09:00:00Z')];
    expect(evaluate(extended, { ...at('2024-03-20T10:00:00Z'), acts })).toMatchObject({ status: 'open', due: 'none', deadline: '2024-03-21T13:00:00.000Z' });
    expect(evaluate(extended, { ...at('2024-03-21T13:00:00Z'), acts })).toMatchObject({ status: 'not_adopted', effectiveAt: '2024-03-21T13:00:00.000Z' });
    expect(concludeSilence(extended, { members: MEMBERS_2024, acts }, '2024-03-20T00:00:00Z')).toMatchObject({ ok: false, problem: { code: 'deadline_not_reached' } });
  });

  it('stays withdrawn', () => {
    const withdrawn = { ...AZE_CHAIR, withdrawnAt: '2024-03-15T00:00:00Z' };
    expect(evaluate(withdrawn, { ...at('2024-04-01T00:00:00Z'), acts: [] })).toMatchObject({ status: 'withdrawn', due: 'none', effectiveAt: null });
    expect(conclude(withdrawn, { members: MEMBERS_2024, acts: [] }, '2024-04-01T00:00:00Z')).toMatchObject({ ok: false, problem: { code: 'not_open' } });
  });

  it('is concluded once', () => {
    const done = { ...AZE_CHAIR, concludedAt: '2024-03-19T13:00:05Z' };
    expect(concludeSilence(done, { members: MEMBERS_2024, acts: [] }, '2024-03-19T13:00:06Z')).toMatchObject({ ok: false, problem: { code: 'already_concluded' } });
    expect(evaluate(done, { ...at('2024-03-20T00:00:00Z'), acts: [] })).toMatchObject({ status: 'adopted', due: 'none' });
  });

  it('never adopts on an unreadable clock', () => {
    expect(evaluate(AZE_CHAIR, { ...at('yesterday'), acts: [] }).status).toBe('open');
    expect(evaluate(AZE_CHAIR, { ...at(DEADLINE), acts: [objection('PAK', 'soon')] }).ignoredActs[0]?.reason).toBe('late');
  });
});

describe('in a meeting: the Second Summit admits the Republic of Korea', () => {
  const ctx = { members: MEMBERS_2006 };

  it('is open until the chair concludes, then adopted if nobody objected in the room, effective at the gavel', () => {
    const acts = [statement('TUR', '2006-06-17T05:10:00Z', 'We welcome the Republic of Korea.')];
    expect(evaluate(KOR_ADMISSION, { ...ctx, acts, now: '2006-06-18T00:00:00Z' })).toMatchObject({ status: 'open', due: 'none' });
    const done = concludeMeeting(KOR_ADMISSION, { ...ctx, acts }, '2006-06-17T05:12:00Z');
    expect(done).toMatchObject({ ok: true, evaluation: { status: 'adopted', effectiveAt: '2006-06-17T05:12:00Z', brokenBy: [] } });
    if (done.ok) expect(done.evaluation.countedActs).toEqual(acts);
  });

  it('is not adopted when a member objects in the room; the objecting state is named', () => {
    const acts = [roomObjection('EGY', '2006-06-17T05:11:00Z'), roomObjection('KOR', '2006-06-17T05:11:00Z'), roomObjection('USA', '2006-06-17T05:11:00Z')];
    const done = concludeMeeting(KOR_ADMISSION, { ...ctx, acts }, '2006-06-17T05:12:00Z');
    expect(done).toMatchObject({ ok: true, evaluation: { status: 'not_adopted', brokenBy: ['EGY'] } });
  });

  it('takes no written objection, and nothing recorded after the gavel', () => {
    const acts = [objection('EGY', '2006-06-17T05:00:00Z'), roomObjection('IND', '2006-06-17T05:13:00Z')];
    const done = concludeMeeting(KOR_ADMISSION, { ...ctx, acts }, '2006-06-17T05:12:00Z');
    expect(done).toMatchObject({ ok: true, evaluation: { status: 'adopted' } });
    if (done.ok) expect(done.evaluation.ignoredActs.map((i) => i.reason)).toEqual(['wrong_mode', 'late']);
  });

  it('refuses to conclude a silence procedure as a meeting, or a meeting twice', () => {
    expect(concludeMeeting(AZE_CHAIR, { members: MEMBERS_2024, acts: [] }, DEADLINE)).toMatchObject({ ok: false, problem: { code: 'silence_mode' } });
    const once = { ...KOR_ADMISSION, concludedAt: '2006-06-17T05:12:00Z' };
    expect(conclude(once, { ...ctx, acts: [] }, '2006-06-17T06:00:00Z')).toMatchObject({ ok: false, problem: { code: 'already_concluded' } });
  });
});

// ---------------------------------------------------------------------------------------------
// Properties. Times are minutes around the deadline; participants come from the registry slice,
// so the pool holds members, observers, a partner and a state admitted after the opening date.

const T0 = Date.parse(DEADLINE);
const minutes = (m: number) => new Date(T0 + m * 60_000).toISOString();
const POOL = REGISTRY.map((p) => p.code);

const actArb = (range: { min: number; max: number }): fc.Arbitrary<Act> =>
  fc.record({
    kind: fc.constantFrom('objection', 'amendment', 'statement', 'room_objection'),
    participant: fc.constantFrom(...POOL),
    // The deadline itself, and the minute before it, are where mistakes hide.
    at: fc.oneof(fc.integer(range), fc.constant(Math.min(range.max, Math.max(range.min, 0))), fc.constant(Math.min(range.max, Math.max(range.min, -1)))).map(minutes),
    byHead: fc.boolean(),
  }).map(({ kind, participant, at, byHead }): Act => {
    switch (kind) {
      case 'objection': return { kind, participant, at, byHead, reason: 'No instructions.' };
      case 'amendment': return { kind, participant, at, byHead, text: 'Replace "2026" by "2025".' };
      case 'statement': return { kind, participant, at, byHead, statementKind: 'reservation', text: 'We reserve our position.' };
      default: return { kind: 'room_objection', participant, at, recordedBy: 1 };
    }
  });

const acts = fc.array(actArb({ min: -10_000, max: 10_000 }), { maxLength: 12 });
const now = fc.integer({ min: -10_000, max: 20_000 }).map(minutes);
const outcome = (e: ReturnType<typeof evaluate>) => ({ status: e.status, due: e.due, effectiveAt: e.effectiveAt, brokenBy: e.brokenBy });
const silence = (list: Act[], when: string) => evaluate(AZE_CHAIR, { members: MEMBERS_2024, acts: list, now: when });

describe('properties of the consensus engine', () => {
  it('an act at or after the deadline never changes the outcome', () => {
    fc.assert(fc.property(acts, fc.array(actArb({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 5 }), now, (list, late, when) => {
      expect(outcome(silence([...list, ...late], when))).toEqual(outcome(silence(list, when)));
    }));
  });

  it('only members on the opening date count: acts of anyone else never change the outcome', () => {
    const outsiders = POOL.filter((c) => !MEMBERS_2024.has(c));
    expect(outsiders).toEqual(expect.arrayContaining(['USA', 'EAEU', 'TKM', 'KOR']));
    const outsiderActs = fc.array(actArb({ min: -10_000, max: 10_000 }).filter((a) => outsiders.includes(a.participant)), { minLength: 1, maxLength: 5 });
    fc.assert(fc.property(acts, outsiderActs, now, (list, extra, when) => {
      const e = silence([...list, ...extra], when);
      expect(outcome(e)).toEqual(outcome(silence(list, when)));
      for (const c of e.brokenBy) expect(MEMBERS_2024.has(c)).toBe(true);
    }));
  });

  it('the outcome never depends on the order in which acts arrive', () => {
    fc.assert(fc.property(acts.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))), now, ([list, shuffled], when) => {
      expect(silence(shuffled, when)).toEqual(silence(list, when));
      const gavel = minutes(5);
      expect(concludeMeeting(KOR_ADMISSION, { members: MEMBERS_2006, acts: shuffled }, gavel))
        .toEqual(concludeMeeting(KOR_ADMISSION, { members: MEMBERS_2006, acts: list }, gavel));
    }));
  });

  it('adding a statement never changes the outcome', () => {
    const statements = fc.array(actArb({ min: -10_000, max: 10_000 }).filter((a) => a.kind === 'statement'), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(acts, statements, now, (list, extra, when) => {
      expect(outcome(silence([...list, ...extra], when))).toEqual(outcome(silence(list, when)));
    }));
  });

  it('consensus is the absence of objection: adopted exactly when no member head broke silence in time', () => {
    fc.assert(fc.property(acts, (list) => {
      const broken = list.some((a) => (a.kind === 'objection' || a.kind === 'amendment') && a.byHead && MEMBERS_2024.has(a.participant) && Date.parse(a.at) < T0);
      expect(silence(list, DEADLINE).status).toBe(broken ? 'not_adopted' : 'adopted');
    }));
  });

  it('extending the deadline before it passes keeps the decision open until the new deadline', () => {
    fc.assert(fc.property(
      acts, fc.integer({ min: -10_000, max: -1 }), fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: -10_000, max: 20_000 }),
      (list, extendedAt, by, when) => {
        const to = minutes(by);
        const extended: Decision = { ...AZE_CHAIR, extensions: [{ from: DEADLINE, to, at: minutes(extendedAt) }] };
        const e = evaluate(extended, { members: MEMBERS_2024, acts: list, now: minutes(when) });
        if (when < by) expect(e).toMatchObject({ status: 'open', due: 'none' });
        else expect(e).toMatchObject({ status: e.brokenBy.length ? 'not_adopted' : 'adopted', effectiveAt: to, due: 'conclude' });
      },
    ));
  });

  it('in a meeting, nothing recorded after the gavel changes the outcome', () => {
    fc.assert(fc.property(acts, fc.array(actArb({ min: 1, max: 10_000 }), { maxLength: 5 }), (list, after) => {
      const gavel = minutes(0);
      const a = concludeMeeting(KOR_ADMISSION, { members: MEMBERS_2006, acts: list }, gavel);
      const b = concludeMeeting(KOR_ADMISSION, { members: MEMBERS_2006, acts: [...list, ...after] }, gavel);
      expect(a.ok && b.ok && outcome(a.evaluation)).toEqual(a.ok && b.ok && outcome(b.evaluation));
    }));
  });
});
