import { refuse, type Check, type Problem, type Proposal, type ProposalType, type Provision, type ProvisionKind, type WordRange, PROPOSAL_TYPES, PROVISION_KINDS } from './types';
import { joinWords, normalizeText, tokenize } from './words';

export interface ProposalInput {
  type: ProposalType;
  text?: string | null;
  range?: WordRange | null;
  newKind?: ProvisionKind;
  justification?: string | null;
}

const quote = (words: readonly string[]): string => `"${joinWords(words)}"`;

export function checkProposal(provision: Provision, input: ProposalInput): Check {
  if (!PROPOSAL_TYPES.includes(input.type)) {
    return refuse('unknown_type', 'A proposal amends words, offers an alternative wording, adds a new provision after this one, or deletes it.');
  }
  const words = tokenize(provision.text);
  const text = normalizeText(input.text ?? '');
  const range = input.range ?? null;
  if (input.type !== 'amend' && range !== null) {
    return refuse('range_not_allowed', 'Only an amendment applies to selected words; an alternative or a deletion concerns the whole provision.');
  }
  switch (input.type) {
    case 'amend': {
      if (range === null) return refuse('range_required', 'Select the words you want to change, or the place where new words should go.');
      if (!Number.isInteger(range.start) || !Number.isInteger(range.end) || range.start < 0 || range.end < range.start) {
        return refuse('range_invalid', 'The selection must start at a word of the provision and end at the same word or a later one.');
      }
      if (range.end > words.length) {
        return refuse('range_outside_text', `The selection runs past the end of the provision, which has ${words.length} words.`);
      }
      if (range.start === range.end && text === '') return refuse('text_required', 'Give the words you propose to insert.');
      if (text === joinWords(words.slice(range.start, range.end))) {
        return refuse('no_change', `The proposed words are the same as the current ones (${quote(words.slice(range.start, range.end))}).`);
      }
      return { ok: true };
    }
    case 'alternative':
      if (text === '') return refuse('text_required', 'An alternative needs the full wording you propose for this provision.');
      if (text === joinWords(words)) return refuse('no_change', 'The alternative is identical to the current wording.');
      return { ok: true };
    case 'insert_after':
      if (text === '') return refuse('text_required', 'Give the wording of the new provision.');
      if (input.newKind !== undefined && !PROVISION_KINDS.includes(input.newKind)) {
        return refuse('kind_invalid', 'A new provision is a heading, a preambular paragraph, an operative paragraph or a sub-item.');
      }
      if (input.newKind === 'sub' && provision.kind !== 'op' && provision.kind !== 'sub') {
        return refuse('kind_not_allowed', 'A sub-item can only follow an operative paragraph or another sub-item.');
      }
      return { ok: true };
    case 'delete':
      if (input.text !== undefined && input.text !== null && text !== '') {
        return refuse('text_not_allowed', 'A proposal to delete a provision carries no wording; to replace it, propose an alternative.');
      }
      return { ok: true };
  }
}

/** A new open proposal, made on the provision's current wording, with its text normalised to single spaces. */
export function makeProposal(
  provision: Provision,
  input: ProposalInput,
  meta: { id: string; author: string },
): { ok: true; proposal: Proposal } | { ok: false; problem: Problem } {
  const check = checkProposal(provision, input);
  if (!check.ok) return check;
  const text = input.type === 'delete' ? null : normalizeText(input.text ?? '') || null;
  const proposal: Proposal = {
    id: meta.id,
    provisionId: provision.id,
    type: input.type,
    author: meta.author,
    text,
    range: input.type === 'amend' ? { ...input.range! } : null,
    baseText: provision.text,
    justification: input.justification?.trim() || null,
    supporters: [],
    opponents: [],
    state: 'open',
    applies: true,
  };
  if (input.type === 'insert_after') proposal.newKind = input.newKind ?? insertedKind(provision.kind);
  return { ok: true, proposal };
}

/** A paragraph proposed after a heading opens the section, so it is operative unless said otherwise. */
export function insertedKind(targetKind: ProvisionKind, requested?: ProvisionKind): ProvisionKind {
  return requested ?? (targetKind === 'heading' ? 'op' : targetKind);
}

export function applyAmendment(text: string, range: WordRange, replacement: string | null): string {
  const words = tokenize(text);
  words.splice(range.start, range.end - range.start, ...tokenize(replacement ?? ''));
  return joinWords(words);
}

export type Acceptance =
  | { ok: true; draft: Provision[]; changedProvisionId: string | null }
  | { ok: false; problem: Problem };

/**
 * The draft after the facilitator accepts a proposal. changedProvisionId is the provision whose
 * wording changed or the one added; null when a provision was deleted. The caller then settles the
 * other proposals (settleProposals) so they follow the new wording.
 */
export function acceptProposal(draft: readonly Provision[], proposal: Proposal, newProvisionId?: string): Acceptance {
  if (proposal.state !== 'open') return refuse('not_open', `This proposal is ${proposal.state.replace('_', ' ')} and can no longer be accepted.`);
  const index = draft.findIndex((p) => p.id === proposal.provisionId);
  const target = draft[index];
  if (target === undefined) return refuse('provision_missing', 'The provision this proposal concerns is no longer in the text.');
  const next = [...draft];
  switch (proposal.type) {
    case 'amend': {
      if (!proposal.applies || proposal.range === null) {
        return refuse('no_longer_applies', 'The words this amendment changes are no longer in the provision; the delegation needs to restate it.');
      }
      if (normalizeText(proposal.baseText) !== normalizeText(target.text)) {
        return refuse('stale_proposal', 'The amendment was made on earlier wording; bring it up to date with the current text first.');
      }
      next[index] = { ...target, text: applyAmendment(target.text, proposal.range, proposal.text) };
      return { ok: true, draft: next, changedProvisionId: target.id };
    }
    case 'alternative':
      next[index] = { ...target, text: normalizeText(proposal.text ?? '') };
      return { ok: true, draft: next, changedProvisionId: target.id };
    case 'delete':
      next.splice(index, 1);
      return { ok: true, draft: next, changedProvisionId: null };
    case 'insert_after': {
      if (!newProvisionId) return refuse('id_required', 'An identifier for the new provision is needed to accept this proposal.');
      if (draft.some((p) => p.id === newProvisionId)) return refuse('id_taken', `The identifier ${newProvisionId} is already used in this text.`);
      const kind = insertedKind(target.kind, proposal.newKind);
      const added: Provision = { id: newProvisionId, kind, text: normalizeText(proposal.text ?? ''), status: 'bracketed' };
      next.splice(insertionIndex(draft, index, kind), 0, added);
      return { ok: true, draft: next, changedProvisionId: newProvisionId };
    }
  }
}

/**
 * "New OP after 3" goes after paragraph 3 together with its sub-items: putting it between 3 and 3 (a)
 * would silently re-attach (a) to the new paragraph.
 */
export function insertionIndex(draft: readonly Provision[], targetIndex: number, kind: ProvisionKind): number {
  let at = targetIndex + 1;
  if (kind !== 'sub') while (draft[at]?.kind === 'sub') at++;
  return at;
}
