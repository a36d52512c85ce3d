import { refuse, type Problem } from './types';

/**
 * Document symbols. An adopted text gets a symbol from the forum's pattern, e.g.
 * `{FORUM}/{BODY}/{YEAR}/{N}` → `CICA/SUMMIT/2006/1`. Numbers run per body and year (or per body
 * only, if the pattern has no year) and are never reused, even when a number was skipped. Later
 * versions of a document keep its symbol and add a UN-style suffix: `/Rev.1` (the whole text
 * reissued), `/Corr.1` (a correction), `/Add.1` (an addendum), as in `A/C.3/78/L.60/Rev.1`.
 */

export const SYMBOL_TOKENS = ['FORUM', 'BODY', 'YEAR', 'N'] as const;
export type SymbolToken = (typeof SYMBOL_TOKENS)[number];

export const SUFFIX_KINDS = ['Rev', 'Corr', 'Add'] as const;
export type SuffixKind = (typeof SUFFIX_KINDS)[number];

export interface SymbolFields {
  forum: string;
  body: string;
  year: number;
}

const TOKEN_RE = /\{([A-Z]+)\}/g;
const SUFFIX_RE = /\/(Rev|Corr|Add)\.(\d+)$/;
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function checkSymbolPattern(pattern: string): { ok: true } | { ok: false; problem: Problem } {
  const tokens = [...pattern.matchAll(TOKEN_RE)].map((m) => m[1] ?? '');
  const unknown = tokens.find((t) => !(SYMBOL_TOKENS as readonly string[]).includes(t));
  if (unknown !== undefined) return refuse('pattern_invalid', `{${unknown}} is not a symbol field; use {FORUM}, {BODY}, {YEAR} and {N}.`);
  if (tokens.filter((t) => t === 'N').length !== 1) return refuse('pattern_invalid', 'A symbol pattern has exactly one {N}, the running number.');
  if (SUFFIX_RE.test(pattern.replace(TOKEN_RE, '1'))) return refuse('pattern_invalid', 'A symbol pattern cannot end like a revision, corrigendum or addendum suffix.');
  return { ok: true };
}

/** The symbol for number `n`. */
export function formatSymbol(pattern: string, fields: SymbolFields, n: number): string {
  return pattern.replace(TOKEN_RE, (whole, token: string) => {
    switch (token) {
      case 'FORUM': return fields.forum;
      case 'BODY': return fields.body;
      case 'YEAR': return String(fields.year);
      case 'N': return String(n);
      default: return whole;
    }
  });
}

/** A regular expression matching the pattern's symbols for these fields, capturing N. */
function matcher(pattern: string, fields: SymbolFields): RegExp {
  let source = '';
  let last = 0;
  for (const m of pattern.matchAll(TOKEN_RE)) {
    source += escapeRe(pattern.slice(last, m.index));
    source += m[1] === 'N' ? '(\\d+)' : escapeRe(formatSymbol(`{${m[1]}}`, fields, 0));
    last = m.index + m[0].length;
  }
  source += escapeRe(pattern.slice(last));
  return new RegExp(`^${source}$`);
}

/**
 * The next symbol for a body in a year: one more than the highest number already issued with the
 * same forum, body and year, whatever suffixes those symbols carry.
 */
export function nextSymbol(
  pattern: string,
  input: SymbolFields & { existing: readonly string[] },
): { ok: true; symbol: string; n: number } | { ok: false; problem: Problem } {
  const check = checkSymbolPattern(pattern);
  if (!check.ok) return check;
  const re = matcher(pattern, input);
  let highest = 0;
  for (const symbol of input.existing) {
    const m = re.exec(parseSymbol(symbol).base);
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  const n = highest + 1;
  return { ok: true, symbol: formatSymbol(pattern, input, n), n };
}

export interface ParsedSymbol {
  /** The symbol without suffixes. */
  base: string;
  suffixes: Array<{ kind: SuffixKind; n: number }>;
  /** When a pattern and fields were given and the base matches them: its running number. */
  n?: number;
}

/** Splits `CICA/SOC/2024/3/Rev.1/Corr.2` into its base and suffixes. */
export function parseSymbol(symbol: string, against?: { pattern: string; fields: SymbolFields }): ParsedSymbol {
  const suffixes: ParsedSymbol['suffixes'] = [];
  let base = symbol;
  for (let m = SUFFIX_RE.exec(base); m; m = SUFFIX_RE.exec(base)) {
    suffixes.unshift({ kind: m[1] as SuffixKind, n: Number(m[2]) });
    base = base.slice(0, m.index);
  }
  const parsed: ParsedSymbol = { base, suffixes };
  if (against && checkSymbolPattern(against.pattern).ok) {
    const m = matcher(against.pattern, against.fields).exec(base);
    if (m) parsed.n = Number(m[1]);
  }
  return parsed;
}

const join = (p: ParsedSymbol): string => p.base + p.suffixes.map((s) => `/${s.kind}.${s.n}`).join('');

/**
 * `…/Rev.n`: a revision reissues the whole text, so it replaces an earlier revision and the
 * corrigenda to it; addenda to the base document stay.
 */
export function withRevision(symbol: string, n: number): string {
  const p = parseSymbol(symbol);
  const firstRevOrCorr = p.suffixes.findIndex((s) => s.kind !== 'Add');
  const kept = firstRevOrCorr === -1 ? p.suffixes : p.suffixes.slice(0, firstRevOrCorr);
  return join({ base: p.base, suffixes: [...kept, { kind: 'Rev', n }] });
}

/** `…/Corr.n`: corrects the document as it stands (a later corrigendum replaces the trailing one). */
export function withCorrigendum(symbol: string, n: number): string {
  return withTrailing(symbol, 'Corr', n);
}

/** `…/Add.n`: an addendum to the document as it stands. */
export function withAddendum(symbol: string, n: number): string {
  return withTrailing(symbol, 'Add', n);
}

function withTrailing(symbol: string, kind: SuffixKind, n: number): string {
  const p = parseSymbol(symbol);
  const suffixes = p.suffixes.at(-1)?.kind === kind ? p.suffixes.slice(0, -1) : p.suffixes;
  return join({ base: p.base, suffixes: [...suffixes, { kind, n }] });
}
