import { addMonths, type IsoDate } from './dates';

export const PARTICIPANT_STATUSES = ['member', 'observer', 'partner'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];
export type ParticipantKind = 'state' | 'organization';

/** Names keyed by language code (`en`, `ru`, `fr`, …). */
export type LocalizedText = Record<string, string>;

/**
 * A period of status. Periods are half-open: a status holds on `from` and every day after it,
 * up to but not including `to`. So a state admitted as a member on 2006-06-17 whose observer
 * period ends "to 2006-06-17" is a member, and only a member, on the day of its admission.
 */
export interface StatusPeriod {
  status: ParticipantStatus;
  from: IsoDate;
  to: IsoDate | null;
  reference: string | null;
  note?: string | null;
}

export interface ChairTerm {
  participant: string;
  from: IsoDate;
  to: IsoDate | null;
  reference: string | null;
  note?: string | null;
}

export function holdsOn(period: { from: IsoDate; to: IsoDate | null }, at: IsoDate): boolean {
  return period.from <= at && (period.to === null || at < period.to);
}

/** The status period in force on a date, if any. */
export function statusOn(history: readonly StatusPeriod[], at: IsoDate): StatusPeriod | null {
  let found: StatusPeriod | null = null;
  for (const p of history) {
    if (holdsOn(p, at) && (found === null || p.from > found.from)) found = p;
  }
  return found;
}

/**
 * The date since which a participant has continuously held the status it holds on `at`
 * (consecutive periods with the same status, e.g. two recorded terms, count as one).
 */
export function continuouslySince(history: readonly StatusPeriod[], at: IsoDate): IsoDate | null {
  const current = statusOn(history, at);
  if (!current) return null;
  let since = current.from;
  for (;;) {
    const prev = history.find((p) => p.status === current.status && p.to === since);
    if (!prev) return since;
    since = prev.from;
  }
}

export type StatusChangeProblem =
  | { code: 'invalid_period'; message: string }
  | { code: 'later_status_exists'; message: string };

/**
 * Recording a new status from a date closes the period open on that date. Rewriting history
 * (a change dated before a status already recorded) is refused: it must be corrected explicitly.
 */
export function planStatusChange(
  history: readonly StatusPeriod[],
  next: StatusPeriod,
): { ok: true; close: StatusPeriod | null } | { ok: false; problem: StatusChangeProblem } {
  if (next.to !== null && next.to <= next.from) {
    return { ok: false, problem: { code: 'invalid_period', message: `The end date ${next.to} must be after the start date ${next.from}.` } };
  }
  const later = history.find((p) => p.from >= next.from);
  if (later) {
    return {
      ok: false,
      problem: {
        code: 'later_status_exists',
        message: `A ${later.status} status from ${later.from} is already recorded; a change must be dated after ${later.from}.`,
      },
    };
  }
  const open = history.find((p) => p.to === null || p.to > next.from);
  return { ok: true, close: open ?? null };
}

export function chairOn(terms: readonly ChairTerm[], at: IsoDate): ChairTerm | null {
  let found: ChairTerm | null = null;
  for (const t of terms) if (holdsOn(t, at) && (found === null || t.from > found.from)) found = t;
  return found;
}

export function planChairTerm(
  terms: readonly ChairTerm[],
  next: ChairTerm,
): { ok: true; close: ChairTerm | null } | { ok: false; problem: StatusChangeProblem } {
  if (next.to !== null && next.to <= next.from) {
    return { ok: false, problem: { code: 'invalid_period', message: `The end date ${next.to} must be after the start date ${next.from}.` } };
  }
  const later = terms.find((t) => t.from >= next.from);
  if (later) {
    return {
      ok: false,
      problem: {
        code: 'later_status_exists',
        message: `A chairmanship of ${later.participant} from ${later.from} is already recorded; a new term must start after it.`,
      },
    };
  }
  const open = terms.find((t) => t.to === null || t.to > next.from);
  return { ok: true, close: open ?? null };
}

/** Pick the name in the reader's language, falling back to English, then to any name. */
export function localized(text: LocalizedText, lang: string): string {
  return text[lang] ?? text['en'] ?? Object.values(text)[0] ?? '';
}

export interface BodyCycle {
  everyMonths: number | null;
  /** Months after another body's meeting, e.g. the Ministerial two years after a Summit. */
  note?: string | null;
}

/** When a body is next due to meet, from its last meeting and its cycle. */
export function nextDue(lastMeeting: IsoDate | null, cycle: BodyCycle): IsoDate | null {
  if (!lastMeeting || !cycle.everyMonths) return null;
  return addMonths(lastMeeting, cycle.everyMonths);
}

export interface Observance {
  month: number;
  day: number;
}

/** The next occurrence (on or after `from`) of a yearly observance. */
export function nextOccurrence(o: Observance, from: IsoDate): IsoDate {
  const year = Number(from.slice(0, 4));
  const pad = (n: number) => String(n).padStart(2, '0');
  const thisYear = `${year}-${pad(o.month)}-${pad(o.day)}`;
  return thisYear >= from ? thisYear : `${year + 1}-${pad(o.month)}-${pad(o.day)}`;
}
