import { localeOf } from '../../format';

/** Offset of `zone` from UTC at the instant `date`, in milliseconds. */
export function zoneOffsetMs(date: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(date);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** A wall-clock date (YYYY-MM-DD) and time (HH:MM) in `zone`, as a UTC instant; null when incomplete. */
export function wallTimeToUtc(date: string, time: string, zone: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const naive = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  // Twice, so that a change of offset between the guess and the answer (summer time) settles.
  let utc = naive - zoneOffsetMs(new Date(naive), zone);
  utc = naive - zoneOffsetMs(new Date(utc), zone);
  return new Date(utc);
}

export function offsetLabel(date: Date, zone: string): string {
  const ms = zoneOffsetMs(date, zone);
  if (ms === 0) return 'UTC';
  const sign = ms > 0 ? '+' : '−';
  const minutes = Math.abs(ms) / 60000;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `UTC${sign}${h}${m ? ':' + String(m).padStart(2, '0') : ''}`;
}

export function readerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "3 December 2026, 18:00" in `zone`. */
export function dateTimeIn(date: Date, zone: string, lang: string): string {
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(date);
}

/** "18:00", or "3 Dec 2026, 18:00" when the day differs from the one in `otherZone`. */
export function timeIn(date: Date, zone: string, otherZone: string, lang: string): string {
  const day = (z: string) => new Intl.DateTimeFormat('en-CA', { timeZone: z, dateStyle: 'short' }).format(date);
  const locale = localeOf(lang);
  if (day(zone) === day(otherZone)) return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: zone }).format(date);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(date);
}

/** "2 days 4 hours", "3 hours 12 minutes", "5 minutes 10 seconds": the two largest units of a duration. */
export function durationText(ms: number, lang: string): string {
  const locale = localeOf(lang);
  const total = Math.max(0, Math.floor(ms / 1000));
  const units: [Intl.NumberFormatOptions['unit'], number][] = [
    ['day', Math.floor(total / 86400)],
    ['hour', Math.floor((total % 86400) / 3600)],
    ['minute', Math.floor((total % 3600) / 60)],
    ['second', total % 60],
  ];
  const first = units.findIndex(([, n]) => n > 0);
  if (first === -1) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(0);
  return units
    .slice(first, first + 2)
    .filter(([, n], i) => i === 0 || n > 0)
    .map(([unit, n]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n))
    .join(' ');
}
