import { describe, expect, it } from 'vitest';
import { ACTIONS, decide, ROLES, type Action, type Actor, type DelegationFunction, type Role } from './policy';
import type { ParticipantStatus } from './registry';

/**
 * The authorization matrix: every action × every kind of person × own or other participant ×
 * the participant's status × second factor proved or not. The expectations are written out as
 * a table of rules a secretariat officer would recognise, independent of policy.ts's code.
 */
type Who = { label: string; role: Role | 'public'; functions: DelegationFunction[] };
const PEOPLE: Who[] = [
  { label: 'public', role: 'public', functions: [] },
  { label: 'admin', role: 'admin', functions: [] },
  { label: 'secretariat', role: 'secretariat', functions: [] },
  { label: 'head of delegation', role: 'delegate', functions: ['head'] },
  { label: 'delegate', role: 'delegate', functions: ['delegate'] },
  { label: 'CBM contact', role: 'delegate', functions: ['cbm_contact'] },
];
const STATUSES: Array<ParticipantStatus | null> = ['member', 'observer', null];
const OWN = ['own', 'other'] as const;

type Expect = 'allow' | 'forbidden' | 'unauthenticated' | 'second_factor_required';

interface Case {
  who: Who;
  status: ParticipantStatus | null;
  target: (typeof OWN)[number];
  secondFactor: boolean;
  chair: boolean;
  openToObservers: boolean;
}

/** The rules, as the secretariat would state them. */
function expected(action: Action, c: Case): Expect {
  const { who } = c;
  const isHead = who.functions.includes('head');
  if (action === 'registry.read') return 'allow';
  if (who.role === 'public') return 'unauthenticated';
  const needs2fa = who.role === 'admin' || who.role === 'secretariat' || isHead || (who.role === 'delegate' && c.chair);
  const gate = (ok: boolean, readOnly = false): Expect => {
    if (!ok) return 'forbidden';
    if (!readOnly && needs2fa && !c.secondFactor) return 'second_factor_required';
    return 'allow';
  };
  switch (action) {
    case 'audit.verify':
      return 'allow';
    case 'registry.write':
      return gate(who.role === 'secretariat'); // administrators take no political acts
    case 'restricted.read':
      return gate(who.role === 'secretariat' || (who.role === 'delegate' && c.status === 'member'));
    case 'user.create':
      return gate(who.role === 'admin');
    case 'user.invite':
      return gate(who.role === 'admin' || who.role === 'secretariat' || (isHead && c.target === 'own' && c.status !== null));
    case 'token.issue':
      return c.secondFactor ? 'allow' : 'second_factor_required';
    case 'audit.read':
      return gate(who.role === 'secretariat' || who.role === 'admin');
    case 'outbox.read':
      return gate(who.role === 'admin');
    case 'negotiation.create':
    case 'negotiation.facilitate':
      // The secretariat, or the chairing state's delegation (not its CBM contact), facilitates.
      return gate(who.role === 'secretariat' || (c.chair && c.status === 'member' && (isHead || who.functions.includes('delegate'))));
    case 'negotiation.read':
      return gate(who.role === 'secretariat' || (who.role === 'delegate' && (c.status === 'member' || (c.status === 'observer' && c.openToObservers))));
    case 'negotiation.propose':
      return gate(who.role === 'delegate' && c.status === 'member' && (isHead || who.functions.includes('delegate')));
    case 'negotiation.withdraw':
      return gate(who.role === 'delegate' && c.status === 'member' && (isHead || who.functions.includes('delegate')) && c.target === 'own');
    case 'negotiation.stance':
      return gate(who.role === 'delegate' && c.status === 'member' && isHead);
    case 'decision.launch':
    case 'decision.facilitate':
      return gate(who.role === 'secretariat' || (c.chair && c.status === 'member' && (isHead || who.functions.includes('delegate'))));
    case 'decision.read':
      return gate(who.role === 'secretariat' || (who.role === 'delegate' && c.status !== null));
    case 'decision.act':
      // Heads of any delegation; the opening-date status is checked by the consensus engine.
      return gate(who.role === 'delegate' && isHead);
  }
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const who of PEOPLE)
    for (const status of who.role === 'delegate' ? STATUSES : [null])
      for (const target of OWN)
        for (const secondFactor of [true, false])
          for (const chair of who.role === 'delegate' ? [false, true] : [false])
            for (const openToObservers of [false, true]) out.push({ who, status, target, secondFactor, chair, openToObservers });
  return out;
}

describe('authorization matrix', () => {
  const all = cases();
  for (const action of ACTIONS) {
    it(`${action}: every role × own/other participant × member/observer × second factor`, () => {
      const mismatches: string[] = [];
      for (const c of all) {
        const actor: Actor | null =
          c.who.role === 'public'
            ? null
            : {
                userId: 1,
                role: c.who.role,
                participant: c.who.role === 'delegate' ? 'KAZ' : null,
                functions: c.who.functions,
                participantStatus: c.status,
                isChair: c.chair,
                secondFactor: c.secondFactor,
              };
        const verdict = decide(actor, action, { participant: c.target === 'own' ? 'KAZ' : 'CHN', role: 'delegate', openToObservers: c.openToObservers });
        const got: Expect = verdict.allowed ? 'allow' : verdict.reason;
        const want = expected(action, c);
        if (got !== want) mismatches.push(`${c.who.label} (${c.status ?? 'no status'}, ${c.target}, 2fa=${c.secondFactor}, chair=${c.chair}, open=${c.openToObservers}): got ${got}, want ${want}`);
      }
      expect(mismatches).toEqual([]);
    });
  }

  it('covers every role the platform knows', () => {
    expect(new Set(PEOPLE.map((p) => p.role))).toEqual(new Set(['public', ...ROLES]));
  });

  it('never lets the secretariat invite an administrator', () => {
    const sec: Actor = { userId: 1, role: 'secretariat', participant: null, functions: [], participantStatus: null, isChair: false, secondFactor: true };
    expect(decide(sec, 'user.invite', { role: 'admin' }).allowed).toBe(false);
  });

  it('lets a head of delegation invite delegates but not heads or secretariat staff', () => {
    const head: Actor = { userId: 1, role: 'delegate', participant: 'KAZ', functions: ['head'], participantStatus: 'member', isChair: false, secondFactor: true };
    expect(decide(head, 'user.invite', { participant: 'KAZ', role: 'delegate' }).allowed).toBe(true);
    expect(decide(head, 'user.invite', { participant: 'KAZ', role: 'secretariat' }).allowed).toBe(false);
  });
});
