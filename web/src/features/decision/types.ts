import type { z } from 'zod';
import type * as D from '../../../../src/contract/decision';
import type { Me } from '../../types';

export type Decision = z.infer<typeof D.Decision>;
export type DecisionStatus = z.infer<typeof D.DecisionStatus>;
export type DecisionSubject = z.infer<typeof D.DecisionSubject>;
export type NewDecision = z.input<typeof D.NewDecision>;
export type Objection = Decision['objections'][number];
export type Statement = Decision['statements'][number];

export const DECISION_STATUSES: DecisionStatus[] = ['open', 'adopted', 'not_adopted', 'withdrawn'];

export interface InboxItem {
  id: number;
  kind: string;
  subject: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** What the reader may do with decisions; the server decides in the end, this only hides what would be refused. */
export interface DecisionAbilities {
  delegation: { code: string; name: string; status: string | null } | null;
  /** Head of a delegation: may break silence and attach statements (the server checks membership on the opening date). */
  head: boolean;
  /** Secretariat or the chair's delegation: launches, records room objections, concludes, extends. */
  facilitate: boolean;
}

export function decisionAbilitiesOf(me: Me | null | undefined): DecisionAbilities {
  if (!me) return { delegation: null, head: false, facilitate: false };
  const delegate = me.role === 'delegate' && me.participant !== null;
  return {
    delegation: me.participant ?? null,
    head: delegate && me.functions.includes('head'),
    facilitate: me.role === 'secretariat' || (delegate && me.isChair && (me.functions.includes('head') || me.functions.includes('delegate'))),
  };
}
