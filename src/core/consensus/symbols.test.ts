import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSymbolPattern, formatSymbol, nextSymbol, parseSymbol, withAddendum, withCorrigendum, withRevision } from './symbols';

const PATTERN = '{FORUM}/{BODY}/{YEAR}/{N}';
const SUMMIT_2006 = { forum: 'CICA', body: 'SUMMIT', year: 2006 };

describe('document symbols', () => {
  it('gives the first adopted document of the 2006 Summit the number 1', () => {
    expect(nextSymbol(PATTERN, { ...SUMMIT_2006, existing: [] })).toEqual({ ok: true, symbol: 'CICA/SUMMIT/2006/1', n: 1 });
  });

  it('counts per body and year, ignores suffixes and never reuses a number', () => {
    const existing = ['CICA/SUMMIT/2006/1', 'CICA/SUMMIT/2006/1/Rev.1', 'CICA/SUMMIT/2006/3/Corr.1', 'CICA/SUMMIT/2002/7', 'CICA/SOC/2006/9', 'OTHER/SUMMIT/2006/12'];
    expect(nextSymbol(PATTERN, { ...SUMMIT_2006, existing })).toMatchObject({ symbol: 'CICA/SUMMIT/2006/4', n: 4 });
    expect(nextSymbol(PATTERN, { ...SUMMIT_2006, year: 2010, existing })).toMatchObject({ symbol: 'CICA/SUMMIT/2010/1' });
  });

  it('runs one sequence per body when the pattern has no year, and escapes literal characters', () => {
    expect(nextSymbol('{BODY}.DEC/{N}', { ...SUMMIT_2006, existing: ['SUMMIT.DEC/2', 'SUMMITXDEC/9'] })).toMatchObject({ symbol: 'SUMMIT.DEC/3' });
    expect(nextSymbol('{FORUM}/MC.DEC/{N}/{YEAR}', { forum: 'OSCE', body: 'MC', year: 2024, existing: ['OSCE/MC.DEC/4/2024'] })).toMatchObject({ symbol: 'OSCE/MC.DEC/5/2024' });
  });

  it('refuses a pattern without exactly one {N} or with an unknown field', () => {
    expect(checkSymbolPattern(PATTERN)).toEqual({ ok: true });
    expect(checkSymbolPattern('{FORUM}/{BODY}/{YEAR}')).toMatchObject({ ok: false, problem: { code: 'pattern_invalid' } });
    expect(checkSymbolPattern('{N}/{N}')).toMatchObject({ ok: false, problem: { code: 'pattern_invalid' } });
    expect(checkSymbolPattern('{FORUM}/{SESSION}/{N}')).toMatchObject({ ok: false, problem: { message: expect.stringContaining('{SESSION}') } });
    expect(checkSymbolPattern('{BODY}/Rev.{N}')).toMatchObject({ ok: false });
    expect(nextSymbol('{BODY}', { ...SUMMIT_2006, existing: [] })).toMatchObject({ ok: false });
  });

  it('adds UN-style suffixes', () => {
    const base = 'CICA/SOC/2024/3';
    expect(withRevision(base, 1)).toBe('CICA/SOC/2024/3/Rev.1');
    expect(withRevision('CICA/SOC/2024/3/Rev.1/Corr.1', 2)).toBe('CICA/SOC/2024/3/Rev.2');
    expect(withRevision('CICA/SOC/2024/3/Add.1', 1)).toBe('CICA/SOC/2024/3/Add.1/Rev.1');
    expect(withCorrigendum(base, 1)).toBe('CICA/SOC/2024/3/Corr.1');
    expect(withCorrigendum('CICA/SOC/2024/3/Rev.1/Corr.1', 2)).toBe('CICA/SOC/2024/3/Rev.1/Corr.2');
    expect(withAddendum(base, 2)).toBe('CICA/SOC/2024/3/Add.2');
    expect(withAddendum('CICA/SOC/2024/3/Add.1', 2)).toBe('CICA/SOC/2024/3/Add.2');
  });

  it('parses a symbol into its base, its suffixes and, given the pattern, its number', () => {
    expect(parseSymbol('A/C.3/78/L.60/Rev.1')).toEqual({ base: 'A/C.3/78/L.60', suffixes: [{ kind: 'Rev', n: 1 }] });
    expect(parseSymbol('CICA/SUMMIT/2006/2/Add.1/Corr.3', { pattern: PATTERN, fields: SUMMIT_2006 })).toEqual({
      base: 'CICA/SUMMIT/2006/2', suffixes: [{ kind: 'Add', n: 1 }, { kind: 'Corr', n: 3 }], n: 2,
    });
    expect(parseSymbol('CICA/SOC/2006/2', { pattern: PATTERN, fields: SUMMIT_2006 }).n).toBeUndefined();
  });

  it('round-trips: the next symbol always follows every existing one, and parses back to its number', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { maxLength: 20 }), (numbers) => {
      const existing = numbers.map((n) => formatSymbol(PATTERN, SUMMIT_2006, n));
      const next = nextSymbol(PATTERN, { ...SUMMIT_2006, existing });
      if (!next.ok) throw new Error(next.problem.message);
      expect(existing).not.toContain(next.symbol);
      expect(next.n).toBe(Math.max(0, ...numbers) + 1);
      expect(parseSymbol(withRevision(next.symbol, 2), { pattern: PATTERN, fields: SUMMIT_2006 })).toMatchObject({ base: next.symbol, n: next.n });
    }));
  });
});
