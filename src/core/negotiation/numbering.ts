import type { Provision } from './types';

/**
 * Display numbers follow UN editorial practice: sections in Roman numerals, preambular paragraphs
 * unnumbered, operative paragraphs numbered continuously across sections (the 2006 Almaty Declaration
 * runs 1–25 through its sections), sub-items lettered afresh under each paragraph.
 */

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

export function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** 1 → "a", 26 → "z", then "aa", "bb" … as UN documents letter long enumerations. */
export function subItemLetter(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

export function numberProvisions(provisions: readonly Provision[]): Map<string, string | null> {
  const numbers = new Map<string, string | null>();
  let headings = 0;
  let operative = 0;
  let sub = 0;
  for (const p of provisions) {
    if (p.kind !== 'sub') sub = 0;
    switch (p.kind) {
      case 'heading':
        numbers.set(p.id, toRoman(++headings));
        break;
      case 'pp':
        numbers.set(p.id, null);
        break;
      case 'op':
        numbers.set(p.id, String(++operative));
        break;
      case 'sub':
        numbers.set(p.id, `(${subItemLetter(++sub)})`);
        break;
    }
  }
  return numbers;
}

/**
 * How delegates refer to a provision aloud and in proposals: "3", "3 (a)", "II", and "PP2" for the
 * second preambular paragraph, which has no printed number but is still counted in the room.
 */
export function referenceLabels(provisions: readonly Provision[]): Map<string, string> {
  const numbers = numberProvisions(provisions);
  const labels = new Map<string, string>();
  let preambular = 0;
  let parent: string | null = null;
  for (const p of provisions) {
    const num = numbers.get(p.id) ?? null;
    if (p.kind === 'pp') {
      const label = `PP${++preambular}`;
      labels.set(p.id, label);
      parent = label;
    } else if (p.kind === 'sub') {
      labels.set(p.id, parent === null ? `${num}` : `${parent} ${num}`);
    } else {
      labels.set(p.id, num ?? '');
      parent = num;
    }
  }
  return labels;
}
