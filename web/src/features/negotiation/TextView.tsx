import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { renderDocument, segmentPieces, tokenize, type RenderedBlock, type Segment } from '../../../../src/core/negotiation';
import type { Negotiation, Proposal, Provision } from './types';

export type View = 'clean' | 'compilation';

export interface RowModel {
  provision: Provision;
  block: RenderedBlock;
  /** Proposed new provisions shown after this one (compilation view). */
  added: RenderedBlock[];
  /** Changes whenever what `added` shows changes; rows compare it instead of the blocks. */
  addedKey: string;
  label: string;
}

/**
 * The whole document through the core renderer, so brackets read exactly as in the exports. The
 * attribution in each bracket is the server's, which names the states in the reader's language.
 */
export function useRows(data: Negotiation | undefined, view: View, labels: Map<string, string>): RowModel[] {
  return useMemo(() => {
    if (!data) return [];
    const proposals: Proposal[] = [];
    for (const p of data.provisions) for (const q of p.proposals) proposals.push(q);
    const byId = new Map(proposals.map((p) => [p.id, p]));
    const doc = renderDocument({
      title: data.title,
      revision: data.revision,
      view,
      provisions: data.provisions,
      proposals: proposals.map((p) => ({ ...p, newKind: p.newKind ?? undefined })),
    });
    const withNames = (s: Segment): Segment => (s.t === 'proposal' ? { ...s, attribution: byId.get(s.proposalId)?.attribution ?? s.attribution } : s);
    const provisionById = new Map(data.provisions.map((p) => [p.id, p]));
    const rows: RowModel[] = [];
    for (const block of doc.blocks) {
      const b = { ...block, segments: block.segments.map(withNames) };
      if (b.proposalId === undefined) {
        const provision = provisionById.get(b.provisionId)!;
        rows.push({ provision, block: b, added: [], addedKey: '', label: labels.get(provision.id) ?? '' });
      } else {
        const row = rows[rows.length - 1];
        if (!row) continue;
        row.added.push(b);
        row.addedKey += JSON.stringify(b.segments);
      }
    }
    return rows;
  }, [data, view, labels]);
}

/** Marks in the text that carry meaning only through styling also say it in words, for screen readers. */
function Pieces({ segment }: { segment: Extract<Segment, { t: 'proposal' }> }) {
  return (
    <span className={`seg seg-${segment.type.replace('_', '-')}${segment.applies ? '' : ' seg-stale'}`} data-proposal-id={segment.proposalId}>
      {segmentPieces(segment).map((piece, i) =>
        piece.role === 'punct' || piece.role === 'text' ? (
          <span key={i}>{piece.text}</span>
        ) : (
          <span key={i} className={`piece-${piece.role}`}>
            {piece.text}
          </span>
        ),
      )}
    </span>
  );
}

/**
 * Running text, marked with the index of its first word, so a mouse selection maps back to a word
 * range (see selectedWords). One element per run rather than per word keeps 300 provisions light.
 */
function Words({ words, from }: { words: string[]; from: number }) {
  return <span data-w0={from}>{words.join(' ')}</span>;
}

function Segments({ segments, text }: { segments: Segment[]; text: string }) {
  const words = tokenize(text);
  let cursor = 0;
  return (
    <>
      {segments.map((s, i) => {
        const sep = i > 0 ? ' ' : '';
        if (s.t === 'proposal')
          return (
            <span key={i}>
              {sep}
              <Pieces segment={s} />
            </span>
          );
        const run = tokenize(s.text);
        // Text runs are slices of the provision's words in order; find where this one starts.
        let at = cursor;
        while (at + run.length <= words.length && run.some((w, k) => words[at + k] !== w)) at++;
        if (at + run.length > words.length) at = cursor;
        cursor = at + run.length;
        return (
          <span key={i}>
            {sep}
            <Words words={run} from={at} />
          </span>
        );
      })}
    </>
  );
}

function numberText(block: RenderedBlock): string {
  if (block.num === null) return '';
  return block.kind === 'sub' ? block.num : `${block.num}.`;
}

interface RowProps {
  row: RowModel;
  /** Filtered out: kept mounted and hidden, so changing the filter does not rebuild 300 rows. */
  hidden: boolean;
  view: View;
  selected: boolean;
  delegation: string | null;
  onSelect: (provisionId: string) => void;
}

function ProvisionRowImpl({ row, hidden, selected, delegation, onSelect }: RowProps) {
  const { t } = useTranslation();
  const { provision, block, added, label } = row;
  const open = provision.proposals.filter((p) => p.state === 'open');
  const mine = delegation ? open.filter((p) => p.author === delegation).length : 0;
  const holdouts = provision.stances.filter((s) => s.stance === 'cannot_accept').length;
  const Tag = provision.kind === 'heading' ? 'h3' : 'p';
  const kindName = t(`negotiation.kind.${provision.kind}`);
  const summary = [
    t(`negotiation.status.${provision.status}`),
    t('negotiation.row.openCount', { count: open.length }),
    ...(mine ? [t('negotiation.row.mineCount', { count: mine })] : []),
    ...(holdouts ? [t('negotiation.row.holdoutCount', { count: holdouts })] : []),
  ].join(', ');
  return (
    <li
      id={`prov-${provision.id}`}
      className={`prov kind-${provision.kind} status-${provision.status}${selected ? ' selected' : ''}`}
      data-provision-id={provision.id}
      data-testid="provision"
      hidden={hidden}
    >
      <div className="prov-num" aria-hidden="true">
        {numberText(block) || <span className="muted">{label}</span>}
      </div>
      <div className="prov-body">
        <Tag className="prov-text">
          <span className="visually-hidden">{`${kindName} ${label}: `}</span>
          {block.bracketed && <span className="bracket">[</span>}
          <Segments segments={block.segments} text={provision.text} />
          {block.bracketed && <span className="bracket">]</span>}
          {provision.status === 'agreed_ad_ref' && <span className="ad-ref"> (ad ref)</span>}
        </Tag>
        {added.map((b) => (
          <p key={b.proposalId} className={`prov-added kind-${b.kind}`}>
            {b.segments.map((s, i) => (s.t === 'proposal' ? <Pieces key={i} segment={s} /> : <span key={i}>{s.text}</span>))}
          </p>
        ))}
      </div>
      <div className="prov-meta">
        <button
          type="button"
          className={`prov-open${open.length ? ' has-open' : ''}`}
          aria-pressed={selected}
          aria-controls="provision-panel"
          data-testid="provision-open"
          onClick={() => onSelect(provision.id)}
        >
          <span className="visually-hidden">{t('negotiation.row.open', { label: `${kindName} ${label}` })} — </span>
          <span className={`status-dot status-${provision.status}`} aria-hidden="true" />
          <span aria-hidden="true">{open.length}</span>
          <span className="visually-hidden">{summary}</span>
        </button>
        {holdouts > 0 && (
          <span className="holdout-flag" title={t('negotiation.row.holdoutCount', { count: holdouts })} aria-hidden="true">
            ✕{holdouts}
          </span>
        )}
      </div>
    </li>
  );
}

/**
 * One provision. Re-rendered only when its own data changed: the negotiation query shares unchanged
 * objects between fetches, so an event about OP 12 leaves the other 299 rows alone.
 */
export const ProvisionRow = memo(
  ProvisionRowImpl,
  (a, b) =>
    a.row.provision === b.row.provision &&
    a.row.block.num === b.row.block.num &&
    a.row.label === b.row.label &&
    a.row.addedKey === b.row.addedKey &&
    a.view === b.view &&
    a.selected === b.selected &&
    a.hidden === b.hidden &&
    a.delegation === b.delegation &&
    a.onSelect === b.onSelect,
);

/** Words (whitespace-separated) that start before `offset` in `text`. */
const wordsStartedBefore = (text: string, offset: number): number => tokenize(text.slice(0, offset)).length;

function wordAt(node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const el = node instanceof Element ? node : node.parentElement;
  const run = el?.closest('[data-w0]');
  if (!run) return null;
  const w0 = Number(run.getAttribute('data-w0'));
  // Offsets count characters of the run's single text node; an element boundary means its start or end.
  const text = run.textContent ?? '';
  const at = node.nodeType === Node.TEXT_NODE ? offset : offset === 0 ? 0 : text.length;
  if (edge === 'end') return w0 + wordsStartedBefore(text, at);
  // The word the selection starts in (or the next one, if it starts on a space).
  const before = text.slice(0, at);
  const partial = before !== '' && !/\s$/.test(before);
  return w0 + wordsStartedBefore(text, at) - (partial ? 1 : 0);
}

/** Where a mouse selection in the text falls: one provision and a word range [start, end), or nothing. */
export function selectedWords(container: Element): { provisionId: string; start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  const el = (n: Node) => (n instanceof Element ? n : n.parentElement);
  const row = el(range.startContainer)?.closest('[data-provision-id]');
  if (!row || row !== el(range.endContainer)?.closest('[data-provision-id]') || !container.contains(row)) return null;
  const start = wordAt(range.startContainer, range.startOffset, 'start');
  const end = wordAt(range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  return { provisionId: row.getAttribute('data-provision-id')!, start, end };
}
