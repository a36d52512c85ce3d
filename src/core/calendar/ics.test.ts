import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsCalendar } from './ics';

describe('iCalendar', () => {
  it('writes a silence deadline as a UTC instant with a reminder', () => {
    const ics = icsCalendar([
      {
        uid: 'decision-12-deadline@concord',
        start: '2024-03-19T13:00:00.000Z',
        summary: 'Silence procedure ends: chairmanship of Azerbaijan, 2024–2026',
        description: 'Objections, with reasons, before the deadline; after it, silence means adoption.',
        stamp: '2024-03-14T09:00:00.000Z',
        sequence: 1,
        alarmMinutesBefore: 1440,
      },
    ]);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('DTSTART:20240319T130000Z\r\n');
    expect(ics).toContain('SEQUENCE:1\r\n');
    expect(ics).toContain('TRIGGER:-PT1440M');
    expect(ics).toContain('Objections\\, with reasons\\, before the deadline\\; after it');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('folds long lines without splitting a character, and unfolds back to the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const line = `SUMMARY:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
    );
  });
});
