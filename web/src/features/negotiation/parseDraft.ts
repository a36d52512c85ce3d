import type { ProvisionKind } from './types';

export interface DraftLine {
  kind: ProvisionKind;
  text: string;
}

const HEADING = /^([IVXLC]+)\.\s+/;
const OPERATIVE = /^\d+\.?\s+/;
const SUB_ITEM = /^\([a-z]{1,3}\)\s+/;

/**
 * A pasted draft, one provision per line: "I." starts a section heading, "1." an operative paragraph,
 * "(a)" a sub-item, anything else is preambular. The numbers themselves are dropped, because the text
 * is numbered afresh on every change.
 */
export function guessLine(line: string): DraftLine {
  const text = line.trim();
  for (const [re, kind] of [[HEADING, 'heading'], [SUB_ITEM, 'sub'], [OPERATIVE, 'op']] as const) {
    const m = re.exec(text);
    if (m) return { kind, text: text.slice(m[0].length).trim() };
  }
  return { kind: 'pp', text };
}

export function draftLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
}
