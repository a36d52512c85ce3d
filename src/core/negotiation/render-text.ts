import type { RenderedBlock, RenderedDocument, Segment } from './render';

/**
 * Plain text and HTML from the document model. Both are built from the same pieces, so the wording
 * of a bracket ("[ALT 1 (Pakistan; supported by China): …]") is decided in one place.
 */

export type PieceRole = 'punct' | 'label' | 'original' | 'proposed' | 'attribution' | 'text';
export interface Piece {
  role: PieceRole;
  text: string;
}

export function segmentPieces(segment: Segment): Piece[] {
  if (segment.t === 'text') return [{ role: 'text', text: segment.text }];
  const p = (text: string): Piece => ({ role: 'punct', text });
  const by: Piece[] = [p(' — '), { role: 'attribution', text: segment.attribution }, p(']')];
  switch (segment.type) {
    case 'alternative':
    case 'insert_after':
      return [p('['), { role: 'label', text: segment.label }, p(' ('), { role: 'attribution', text: segment.attribution }, p('): '), { role: 'proposed', text: segment.text ?? '' }, p(']')];
    case 'delete':
      return [p('['), { role: 'label', text: segment.label }, ...by];
    case 'amend': {
      const head: Piece[] = segment.applies ? [p('[')] : [p('['), { role: 'label', text: segment.label }, p(': ')];
      const original = segment.original ?? '';
      if (original === '') {
        const before = segment.before ? [p(' before "'), { role: 'original' as const, text: segment.before }, p('"')] : [];
        return [...head, { role: 'label', text: 'insert' }, p(' "'), { role: 'proposed', text: segment.text ?? '' }, p('"'), ...before, ...by];
      }
      if (segment.text === null) return [...head, { role: 'label', text: 'delete' }, p(' "'), { role: 'original', text: original }, p('"'), ...by];
      return [...head, { role: 'label', text: 'replace' }, p(' "'), { role: 'original', text: original }, p('" with "'), { role: 'proposed', text: segment.text }, p('"'), ...by];
    }
  }
}

export function segmentToText(segment: Segment): string {
  return segmentPieces(segment).map((piece) => piece.text).join('');
}

/** "I.", "3.", "(a)"; preambular paragraphs carry no number in print. */
export function numberPrefix(block: RenderedBlock): string {
  if (block.num === null) return '';
  return block.kind === 'sub' ? `${block.num} ` : `${block.num}. `;
}

// A proposed new provision is one bracket of its own; wrapping it again would read as nested brackets.
const wrapsInBrackets = (block: RenderedBlock): boolean => block.bracketed && block.proposalId === undefined;

export function blockToText(block: RenderedBlock): string {
  const content = block.segments.map(segmentToText).join(' ');
  const body = wrapsInBrackets(block) ? `[${content}]` : content;
  return `${numberPrefix(block)}${body}${block.status === 'agreed_ad_ref' ? ' (ad ref)' : ''}`;
}

export function subtitle(doc: RenderedDocument): string {
  const view = doc.view === 'clean' ? 'Clean text' : 'Compilation text';
  return doc.revision > 0 ? `${view}, Rev.${doc.revision}` : view;
}

export function toPlainText(doc: RenderedDocument): string {
  return [doc.title, subtitle(doc), ...doc.blocks.map(blockToText)].join('\n\n') + '\n';
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function segmentHtml(segment: Segment): string {
  const inner = segmentPieces(segment)
    .map((piece) => (piece.role === 'punct' || piece.role === 'text' ? escapeHtml(piece.text) : `<span class="${piece.role}">${escapeHtml(piece.text)}</span>`))
    .join('');
  if (segment.t === 'text') return inner;
  const classes = ['proposal', `proposal-${segment.type.replace('_', '-')}`, ...(segment.applies ? [] : ['stale'])].join(' ');
  return `<span class="${classes}" data-proposal-id="${escapeHtml(segment.proposalId)}">${inner}</span>`;
}

function blockHtml(block: RenderedBlock): string {
  const tag = block.kind === 'heading' ? 'h2' : 'p';
  const classes = ['provision', block.kind, `status-${block.status.replace(/_/g, '-')}`, ...(block.proposalId ? ['proposed-provision'] : [])].join(' ');
  const bracket = (c: string): string => (wrapsInBrackets(block) ? `<span class="bracket">${c}</span>` : '');
  const num = block.num === null ? '' : `<span class="num">${escapeHtml(numberPrefix(block).trim())}</span> `;
  const adRef = block.status === 'agreed_ad_ref' ? ' <span class="ad-ref">(ad ref)</span>' : '';
  const content = block.segments.map(segmentHtml).join(' ');
  return `<${tag} class="${classes}" data-provision-id="${escapeHtml(block.provisionId)}">${num}${bracket('[')}${content}${bracket(']')}${adRef}</${tag}>`;
}

const STYLE = [
  'body{font-family:"Times New Roman",serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}',
  'h1{font-size:1.3rem;text-align:center}.subtitle{text-align:center;font-style:italic}',
  'h2.provision{font-size:1.1rem;text-align:center}p.pp{text-indent:2rem}p.sub{margin-left:2.5rem}',
  '.bracket{font-weight:bold}.proposal{background:#fff6d5}.proposal.stale{background:#eee;color:#555}',
  '.attribution{font-style:italic}.label{font-variant:small-caps}.proposed{text-decoration:underline}',
  '.proposed-provision{border-left:3px solid #c9a400;padding-left:.5rem}',
].join('');

/** A compact standalone HTML document: semantic, escaped, brackets and attributions kept as text. */
export function toHtml(doc: RenderedDocument, options: { lang?: string } = {}): string {
  const title = escapeHtml(doc.title);
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(options.lang ?? 'en')}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${STYLE}</style></head>`,
    `<body><main class="negotiation-text view-${doc.view}">`,
    `<h1>${title}</h1>`,
    `<p class="subtitle">${escapeHtml(subtitle(doc))}</p>`,
    ...doc.blocks.map(blockHtml),
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
