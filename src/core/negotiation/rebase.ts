import type { Proposal, WordRange } from './types';
import { diffWords, tokenize } from './words';

/**
 * When a provision's wording changes (another proposal accepted, or the facilitator edited it), open
 * amendments made on the old wording are carried over to the new one. A delegation proposed to change
 * particular words; if those exact words are still there, side by side, the proposal means the same
 * thing on the new wording and follows them. If any of them is gone or something was slipped in
 * between, the proposal is flagged as no longer applying rather than guessed at: the delegation
 * must restate it, and its old range and base text stay so everyone can see what it was made on.
 */
export function rebaseProposal(p: Proposal, newText: string): Proposal {
  if (p.type !== 'amend') return { ...p, baseText: newText, applies: true };
  if (p.range === null) return { ...p, applies: false };
  // Rebasing always starts from the wording the range was made on, so a flag set earlier is lifted
  // again if the facilitator restores those words.
  const range = mapRange(tokenize(p.baseText), tokenize(newText), p.range);
  if (range === null) return { ...p, applies: false };
  return { ...p, range, baseText: newText, applies: true };
}

/** Where each word of the old wording stands in the new one, or -1 when it did not survive. */
export function survivingPositions(oldWords: readonly string[], newWords: readonly string[]): Int32Array {
  const positions = new Int32Array(oldWords.length).fill(-1);
  let i = 0;
  let j = 0;
  for (const part of diffWords(oldWords, newWords)) {
    if (part.op === 'equal') {
      for (let n = 0; n < part.words.length; n++) positions[i++] = j++;
    } else if (part.op === 'delete') {
      i += part.words.length;
    } else {
      j += part.words.length;
    }
  }
  return positions;
}

/** The range covering the same words in the new wording, or null when they are no longer there intact. */
export function mapRange(oldWords: readonly string[], newWords: readonly string[], range: WordRange): WordRange | null {
  const { start, end } = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > oldWords.length) return null;
  const positions = survivingPositions(oldWords, newWords);
  if (start < end) {
    const first = positions[start]!;
    if (first < 0) return null;
    for (let i = start + 1; i < end; i++) if (positions[i] !== first + (i - start)) return null;
    return { start: first, end: first + (end - start) };
  }
  // An insertion is anchored by its neighbours (the start or end of the paragraph counting as one):
  // both must survive and still be adjacent, otherwise the place where the words were to go has
  // been rewritten.
  const before = start > 0 ? positions[start - 1]! : -1;
  const after = start < oldWords.length ? positions[start]! : newWords.length;
  if ((start > 0 && before < 0) || after < 0 || after !== before + 1) return null;
  return { start: after, end: after };
}
