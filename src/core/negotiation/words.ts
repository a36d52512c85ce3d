/**
 * Words are the unit of negotiation: delegations amend "the words 'and cooperation'", never
 * characters, so ranges, diffs and rebasing all work on whitespace-separated words.
 */

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface WordDiff {
  op: DiffOp;
  words: string[];
}

// Ordinary whitespace only. No-break spaces (U+00A0, U+202F, U+2007) are kept inside a word: French
// typography puts them before ":", ";", "»", and splitting there would detach the punctuation from its
// word and lose the no-break space when the text is joined again.
const WORD_SEPARATORS = /[ \t\n\r\f\v\u1680\u2000-\u2006\u2008-\u200a\u2028\u2029\u205f\u3000]+/u;

export function tokenize(text: string): string[] {
  return text.split(WORD_SEPARATORS).filter((word) => word !== '');
}

export function joinWords(words: readonly string[]): string {
  return words.join(' ');
}

/** The wording with its spacing normalised, so that two texts differing only in spaces compare equal. */
export function normalizeText(text: string): string {
  return joinWords(tokenize(text));
}

/**
 * Minimal word diff (Myers, linear-space variant splitting at the middle of an optimal path): O((N+M)·D) time and O(N+M)
 * memory, so two 2,000-word texts that share nothing still diff quickly. Within each changed stretch
 * deletions come before insertions, which is how a reader expects "replace X with Y" to read.
 */
export function diffWords(a: readonly string[], b: readonly string[]): WordDiff[] {
  const ids = new Map<string, number>();
  const intern = (word: string): number => {
    let id = ids.get(word);
    if (id === undefined) {
      id = ids.size;
      ids.set(word, id);
    }
    return id;
  };
  const x = Int32Array.from(a, intern);
  const y = Int32Array.from(b, intern);
  const ops: DiffOp[] = [];
  diffRange(x, 0, x.length, y, 0, y.length, ops);
  return groupOps(ops, a, b);
}

function diffRange(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number, out: DiffOp[]): void {
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
    out.push('equal');
    aLo++;
    bLo++;
  }
  let suffix = 0;
  while (aHi > aLo && bHi > bLo && a[aHi - 1] === b[bHi - 1]) {
    aHi--;
    bHi--;
    suffix++;
  }
  if (aLo === aHi) {
    for (let i = bLo; i < bHi; i++) out.push('insert');
  } else if (bLo === bHi) {
    for (let i = aLo; i < aHi; i++) out.push('delete');
  } else {
    const [sx, sy] = splitPoint(a, aLo, aHi, b, bLo, bHi);
    diffRange(a, aLo, sx, b, bLo, sy, out);
    diffRange(a, sx, aHi, b, sy, bHi, out);
  }
  for (let i = 0; i < suffix; i++) out.push('equal');
}

/**
 * A point on an optimal edit path roughly half-way through, found by searching from both ends at
 * once. Paths that run off the edit grid are dropped (the k-start/k-end bounds), and diagonals the
 * other search has not reached yet hold -1, so an overlap is only ever declared between real paths.
 */
function splitPoint(a: Int32Array, aLo: number, aHi: number, b: Int32Array, bLo: number, bHi: number): [number, number] {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const size = 2 * maxD + 2;
  const forward = new Int32Array(size).fill(-1);
  const backward = new Int32Array(size).fill(-1);
  forward[offset + 1] = 0;
  backward[offset + 1] = 0;
  const delta = n - m;
  // With an odd delta the forward search is the one that meets the backward one first.
  const frontMeets = (delta & 1) !== 0;
  let fStart = 0;
  let fEnd = 0;
  let bStart = 0;
  let bEnd = 0;
  for (let d = 0; d < maxD; d++) {
    for (let k = -d + fStart; k <= d - fEnd; k += 2) {
      const at = offset + k;
      let x = k === -d || (k !== d && forward[at - 1]! < forward[at + 1]!) ? forward[at + 1]! : forward[at - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
      }
      forward[at] = x;
      if (x > n) fEnd += 2;
      else if (y > m) fStart += 2;
      else if (frontMeets) {
        const other = offset + delta - k;
        if (other >= 0 && other < size && backward[other] !== -1 && x >= n - backward[other]!) return [aLo + x, bLo + y];
      }
    }
    for (let k = -d + bStart; k <= d - bEnd; k += 2) {
      const at = offset + k;
      let x = k === -d || (k !== d && backward[at - 1]! < backward[at + 1]!) ? backward[at + 1]! : backward[at - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aHi - 1 - x] === b[bHi - 1 - y]) {
        x++;
        y++;
      }
      backward[at] = x;
      if (x > n) bEnd += 2;
      else if (y > m) bStart += 2;
      else if (!frontMeets) {
        const other = offset + delta - k;
        if (other >= 0 && other < size && forward[other] !== -1) {
          const fx = forward[other]!;
          const fy = fx - (delta - k);
          if (fx >= n - x) return [aLo + fx, bLo + fy];
        }
      }
    }
  }
  // Only reached when nothing at all is shared: everything is deleted, then inserted.
  return [aHi, bLo];
}

function groupOps(ops: readonly DiffOp[], a: readonly string[], b: readonly string[]): WordDiff[] {
  const result: WordDiff[] = [];
  const push = (op: DiffOp, words: string[]): void => {
    if (words.length === 0) return;
    const last = result[result.length - 1];
    if (last && last.op === op) last.words.push(...words);
    else result.push({ op, words });
  };
  let i = 0;
  let j = 0;
  let k = 0;
  while (k < ops.length) {
    if (ops[k] === 'equal') {
      push('equal', [a[i++]!]);
      j++;
      k++;
      continue;
    }
    const deleted: string[] = [];
    const inserted: string[] = [];
    for (; k < ops.length && ops[k] !== 'equal'; k++) {
      if (ops[k] === 'delete') deleted.push(a[i++]!);
      else inserted.push(b[j++]!);
    }
    push('delete', deleted);
    push('insert', inserted);
  }
  return result;
}
