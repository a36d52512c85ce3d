import { z } from 'zod';

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date in the form YYYY-MM-DD.')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'This is not a calendar date.');
export const Instant = z.string().describe('ISO 8601 instant in UTC');
export const LocalizedText = z.record(z.string(), z.string()).describe('Text keyed by language code (en, ru, fr, …)');

export const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Lang = z.enum(['en', 'ru', 'fr']);
export const LangQuery = z.object({ lang: Lang.optional() });

/** Ids and counters are 32-bit integers in both databases; larger numbers are refused, not passed on. */
export const MAX_INT32 = 2_147_483_647;
export const DbId = z.coerce.number().int('Use a whole number.').min(1).max(MAX_INT32);
export const Count = z.coerce.number().int('Use a whole number.').min(0).max(MAX_INT32);
