const LOCALES: Record<string, string> = { en: 'en-GB', ru: 'ru-RU', fr: 'fr-FR' };

export function localeOf(lang: string): string {
  return LOCALES[lang] ?? lang;
}

/** A calendar date (YYYY-MM-DD) in the reader's locale. Formatted in UTC so the day never shifts. */
export function formatDate(iso: string | null | undefined, lang: string, style: 'long' | 'medium' = 'long'): string {
  if (!iso) return '';
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: style, timeZone: 'UTC' }).format(d);
}

function offsetLabel(date: Date, timeZone: string, locale: string): string {
  try {
    const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName');
    return (part?.value ?? '').replace(/^GMT/, 'UTC') || 'UTC';
  } catch {
    return '';
  }
}

function instantIn(date: Date, timeZone: string, locale: string): string {
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
  return `${text} (${timeZone}, ${offsetLabel(date, timeZone, locale)})`;
}

/**
 * An instant shown with its zone: in the forum's zone, and also in the reader's own zone when it differs,
 * e.g. "28 Nov 2026, 10:00 (Asia/Almaty, UTC+5)".
 */
export function formatInstantParts(iso: string, lang: string, forumZone?: string): [string, string | null] {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return [iso, null];
  const locale = localeOf(lang);
  const reader = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const primary = forumZone ?? reader;
  const first = instantIn(d, primary, locale);
  return [first, primary === reader ? null : instantIn(d, reader, locale)];
}

export function formatInstant(iso: string | null | undefined, lang: string, forumZone?: string): string {
  if (!iso) return '';
  return formatInstantParts(iso, lang, forumZone).filter(Boolean).join(' · ');
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
