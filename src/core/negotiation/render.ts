import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { numberProvisions, referenceLabels } from './numbering';
import { insertedKind, insertionIndex } from './proposals';
import { rebaseProposal } from './rebase';
import type { Proposal, ProposalType, Provision, ProvisionKind, ProvisionStatus } from './types';
import { joinWords, normalizeText, tokenize } from './words';

/**
 * One neutral document model for every output (JSON, plain text, HTML, DOCX, the browser screen), so
 * a bracket or an attribution cannot appear in one format and be missing in another.
 */

export type TextView = 'clean' | 'compilation';

export type Segment =
  | { t: 'text'; text: string }
  | {
      t: 'proposal';
      proposalId: string;
      type: ProposalType;
      /** "ALT 1", "NEW OP after 3", "delete", "insert", "replace", "no longer applies". */
      label: string;
      /** "Pakistan; supported by China; opposed by India". */
      attribution: string;
      text: string | null;
      /** The words an amendment replaces or strikes, as they stood when it was made. */
      original?: string;
      /** For an insertion whose place is hidden inside another amendment: the word it goes before. */
      before?: string;
      applies: boolean;
    };

export interface RenderedBlock {
  provisionId: string;
  /** Set on a block that is a proposed new provision (insert_after); provisionId is then its target. */
  proposalId?: string;
  kind: ProvisionKind;
  num: string | null;
  status: ProvisionStatus;
  bracketed: boolean;
  segments: Segment[];
}

export interface RenderedDocument {
  title: string;
  revision: number;
  view: TextView;
  blocks: RenderedBlock[];
}

export interface RenderInput {
  title: string;
  revision: number;
  view: TextView;
  provisions: readonly Provision[];
  proposals?: readonly Proposal[];
  /** Participant code → display name; unknown codes are shown as they are. */
  names?: Record<string, string>;
}

const KIND_LABEL: Record<ProvisionKind, string> = { heading: 'heading', pp: 'PP', op: 'OP', sub: 'sub-item' };

export function attribution(p: Proposal, names: Record<string, string> = {}): string {
  const name = (code: string): string => names[code] ?? code;
  let out = name(p.author);
  if (p.supporters.length > 0) out += `; supported by ${p.supporters.map(name).join(', ')}`;
  if (p.opponents.length > 0) out += `; opposed by ${p.opponents.map(name).join(', ')}`;
  return out;
}

export function renderDocument(input: RenderInput): RenderedDocument {
  const { provisions, view, names = {} } = input;
  const numbers = numberProvisions(provisions);
  const open = (input.proposals ?? []).filter((p) => p.state === 'open');
  const byProvision = new Map<string, Proposal[]>();
  for (const p of open) {
    const list = byProvision.get(p.provisionId);
    if (list) list.push(p);
    else byProvision.set(p.provisionId, [p]);
  }

  const proposedAfter = new Map<string, RenderedBlock[]>();
  if (view === 'compilation') {
    const refs = referenceLabels(provisions);
    const indexOf = new Map(provisions.map((q, i) => [q.id, i]));
    for (const p of open) {
      if (p.type !== 'insert_after') continue;
      const index = indexOf.get(p.provisionId) ?? -1;
      const target = provisions[index];
      if (target === undefined) continue;
      const kind = insertedKind(target.kind, p.newKind);
      const anchor = provisions[insertionIndex(provisions, index, kind) - 1]!.id;
      const label = `NEW ${KIND_LABEL[kind]} after ${refs.get(target.id)}`;
      const segment: Segment = { t: 'proposal', proposalId: p.id, type: p.type, label, attribution: attribution(p, names), text: p.text, applies: true };
      const block: RenderedBlock = { provisionId: target.id, proposalId: p.id, kind, num: null, status: 'bracketed', bracketed: true, segments: [segment] };
      const list = proposedAfter.get(anchor);
      if (list) list.push(block);
      else proposedAfter.set(anchor, [block]);
    }
  }

  const blocks: RenderedBlock[] = [];
  for (const provision of provisions) {
    const proposals = byProvision.get(provision.id) ?? [];
    blocks.push({
      provisionId: provision.id,
      kind: provision.kind,
      num: numbers.get(provision.id) ?? null,
      status: provision.status,
      // Brackets come from the facilitator's status or from any proposal still open on the provision.
      bracketed: provision.status !== 'agreed' || proposals.length > 0,
      segments: view === 'clean' ? [{ t: 'text', text: normalizeText(provision.text) }] : compile(provision, proposals, names),
    });
    blocks.push(...(proposedAfter.get(provision.id) ?? []));
  }
  return { title: input.title, revision: input.revision, view, blocks };
}

/** The provision's wording with its amendments inline, then alternatives, deletion, and stale amendments. */
function compile(provision: Provision, proposals: readonly Proposal[], names: Record<string, string>): Segment[] {
  const words = tokenize(provision.text);
  const current = joinWords(words);
  const segment = (p: Proposal, label: string, extra: Partial<Extract<Segment, { t: 'proposal' }>> = {}): Segment => ({
    t: 'proposal', proposalId: p.id, type: p.type, label, attribution: attribution(p, names), text: p.text, applies: p.applies, ...extra,
  });
  const amendments = proposals
    .filter((p) => p.type === 'amend')
    .map((p) => (p.applies && normalizeText(p.baseText) !== current ? rebaseProposal(p, provision.text) : p));
  const inline = amendments
    .filter((p) => p.applies && p.range !== null)
    .map((p, order) => ({ p, range: p.range!, order }))
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.order - b.order);

  const out: Segment[] = [];
  let pos = 0;
  const textUpTo = (end: number): void => {
    if (end > pos) out.push({ t: 'text', text: joinWords(words.slice(pos, end)) });
    pos = Math.max(pos, end);
  };
  for (const { p, range } of inline) {
    const original = words.slice(range.start, range.end);
    const action = original.length === 0 ? 'insert' : p.text === null ? 'delete' : 'replace';
    const extra: Partial<Extract<Segment, { t: 'proposal' }>> = original.length > 0 ? { original: joinWords(original) } : {};
    // Overlapping amendments follow the one already shown; an insertion placed inside it says where it goes.
    if (range.start < pos && original.length === 0 && words[range.start] !== undefined) extra.before = words[range.start]!;
    textUpTo(range.start);
    out.push(segment(p, action, extra));
    // The replaced words are quoted inside the marker, so they are not repeated as running text.
    pos = Math.max(pos, range.end);
  }
  textUpTo(words.length);

  proposals.filter((p) => p.type === 'alternative').forEach((p, i) => out.push(segment(p, `ALT ${i + 1}`, { applies: true })));
  for (const p of proposals) if (p.type === 'delete') out.push(segment(p, 'delete', { applies: true }));
  for (const p of amendments) {
    if (p.applies && p.range !== null) continue;
    const original = p.range ? joinWords(tokenize(p.baseText).slice(p.range.start, p.range.end)) : '';
    out.push(segment(p, 'no longer applies', { applies: false, ...(original ? { original } : {}) }));
  }
  return out;
}

/**
 * The fingerprint adoption is taken on: kind, number and wording of each provision in order. Spacing
 * is normalised because the words are what states agree to; anything else changes the hash.
 */
export function cleanContentHash(provisions: readonly Provision[]): string {
  const numbers = numberProvisions(provisions);
  const lines = provisions.map((p) => `${p.kind}\t${numbers.get(p.id) ?? ''}\t${normalizeText(p.text)}`);
  return bytesToHex(sha256(utf8ToBytes(['concord-clean-text/1', ...lines].join('\n'))));
}

/** Ready for adoption: there is text, every provision is agreed (not merely ad ref), nothing is still proposed. */
export function isClean(provisions: readonly Provision[], proposals: readonly Proposal[]): boolean {
  return provisions.length > 0 && provisions.every((p) => p.status === 'agreed') && !proposals.some((p) => p.state === 'open');
}
