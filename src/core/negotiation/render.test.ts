import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAmendment } from './proposals';
import { cleanContentHash, isClean, renderDocument, type Segment } from './render';
import { blockToText, toHtml, toPlainText } from './render-text';
import { DRAFT, NAMES, proposal } from './sample.test-fixture';
import type { Proposal, Provision } from './types';
import { joinWords, tokenize } from './words';

const PROPOSALS: Proposal[] = [
  proposal({ id: 'kaz', provisionId: 'op-cbm', type: 'amend', author: 'KAZ', range: { start: 3, end: 4 }, text: 'interaction', supporters: ['RUS'] }),
  proposal({ id: 'ind-ins', provisionId: 'op-cbm', type: 'amend', author: 'IND', range: { start: 9, end: 9 }, text: 'effective' }),
  proposal({ id: 'tur', provisionId: 'op-cbm', type: 'insert_after', author: 'TUR', text: 'We welcome the accession of Thailand.' }),
  proposal({ id: 'pak', provisionId: 'op-next', type: 'alternative', author: 'PAK', text: 'We decide to hold the next Summit in Istanbul in 2010.', supporters: ['CHN'] }),
  proposal({ id: 'irn', provisionId: 'op-next', type: 'alternative', author: 'IRN', text: 'We will consider the venue of the next Summit.', opponents: ['IND'] }),
  proposal({ id: 'ind-del', provisionId: 'op-next', type: 'delete', author: 'IND' }),
  proposal({ id: 'chn', provisionId: 'op-trade', type: 'insert_after', author: 'CHN', text: 'We support connectivity across Asia.' }),
  proposal({ id: 'rus-old', provisionId: 'pp-almaty', type: 'amend', author: 'RUS', baseText: 'Recalling the Almaty Act of 2002 and its Catalogue,', range: { start: 6, end: 9 }, text: 'and the CICA Catalogue of CBMs,' }),
  proposal({ id: 'gone', provisionId: 'op-terror', type: 'delete', author: 'IND', state: 'withdrawn' }),
];

const render = (view: 'clean' | 'compilation', proposals = PROPOSALS) =>
  renderDocument({ title: 'Draft Declaration of the Third CICA Summit', revision: 2, view, provisions: DRAFT, proposals, names: NAMES });

describe('compilation text', () => {
  it('shows every open proposal inline with its attribution', () => {
    expect(toPlainText(render('compilation'))).toBe(`Draft Declaration of the Third CICA Summit

Compilation text, Rev.2

Reaffirming our commitment to the purposes and principles of the Charter of the United Nations,

[Recalling the Almaty Act of 2002, [no longer applies: replace "and its Catalogue," with "and the CICA Catalogue of CBMs," — Russian Federation]]

I. Security and confidence-building

1. [We will strengthen [replace "cooperation" with "interaction" — Kazakhstan; supported by Russian Federation] among member States in implementing [insert "effective" — India] confidence-building measures.]

[NEW OP after 1 (Türkiye): We welcome the accession of Thailand.]

2. [We condemn terrorism in all its forms and manifestations.] (ad ref)

II. Economic dimension

3. [We encourage trade and investment in the region, in particular:]

(a) [transport corridors;]

(b) energy security;

[NEW OP after 3 (China): We support connectivity across Asia.]

4. [We decide to hold the next Summit in 2010. [ALT 1 (Pakistan; supported by China): We decide to hold the next Summit in Istanbul in 2010.] [ALT 2 (Iran; opposed by India): We will consider the venue of the next Summit.] [delete — India]]
`);
  });

  it('rebases an amendment made on earlier wording before placing it', () => {
    const earlier = proposal({ id: 'x', provisionId: 'op-cbm', type: 'amend', author: 'KAZ', baseText: 'We strengthen cooperation among member States.', range: { start: 2, end: 3 }, text: 'interaction' });
    const block = render('compilation', [earlier]).blocks.find((b) => b.provisionId === 'op-cbm')!;
    expect(blockToText(block)).toContain('We will strengthen [replace "cooperation" with "interaction" — Kazakhstan] among');
  });

  it('shows overlapping amendments one after the other without repeating words', () => {
    const wide = proposal({ id: 'w', provisionId: 'op-cbm', type: 'amend', author: 'KAZ', range: { start: 2, end: 5 }, text: 'deepen ties' });
    const inner = proposal({ id: 'i', provisionId: 'op-cbm', type: 'amend', author: 'IND', range: { start: 4, end: 4 }, text: 'fruitful' });
    const block = render('compilation', [wide, inner]).blocks.find((b) => b.provisionId === 'op-cbm')!;
    expect(blockToText(block)).toBe('1. [We will [replace "strengthen cooperation among" with "deepen ties" — Kazakhstan] [insert "fruitful" before "among" — India] member States in implementing confidence-building measures.]');
  });
});

describe('clean text', () => {
  it('gives the current wording with contested provisions in brackets', () => {
    const text = toPlainText(render('clean'));
    expect(text).toContain('\n\nReaffirming our commitment to the purposes and principles of the Charter of the United Nations,\n\n[Recalling the Almaty Act of 2002,]\n\nI. Security and confidence-building\n\n1. [We will strengthen cooperation');
    expect(text).toContain('\n\n(a) [transport corridors;]\n\n(b) energy security;\n\n4. [We decide to hold the next Summit in 2010.]\n');
    expect(text).not.toContain('Kazakhstan');
  });
});

describe('HTML', () => {
  const strip = (html: string) => html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

  it('is a standalone, escaped document whose text reads like the plain text', () => {
    const doc = render('compilation');
    doc.title = 'Draft <b>"CICA"</b> & co';
    const html = toHtml(doc, { lang: 'ru' });
    expect(html).toMatch(/^<!doctype html>\n<html lang="ru">/);
    expect(html).toContain('<title>Draft &lt;b&gt;&quot;CICA&quot;&lt;/b&gt; &amp; co</title>');
    expect(html).not.toMatch(/<(ins|del)\b/);
    const paragraphs = [...html.matchAll(/<(p|h2) class="provision[^>]*>.*?<\/\1>/g)].map((m) => strip(m[0]));
    expect(paragraphs).toEqual(doc.blocks.map(blockToText));
    expect(html).toContain('data-proposal-id="pak"');
  });
});

describe('rendering amendments (property)', () => {
  const words = tokenize(DRAFT[3]!.text);
  const amend = fc.record({
    start: fc.nat({ max: words.length }),
    len: fc.nat({ max: 3 }),
    text: fc.option(fc.constantFrom('interaction', 'effective', 'all', 'dialogue and trust'), { nil: null }),
    author: fc.constantFrom('KAZ', 'IND', 'CHN'),
  });
  const props = fc.array(amend, { maxLength: 6 }).map((raw) =>
    raw.map((r, i) => {
      const end = Math.min(words.length, r.start + r.len);
      return proposal({ id: `p${i}`, provisionId: 'op-cbm', type: 'amend', author: r.author, range: { start: r.start, end }, text: r.start === end && r.text === null ? 'also' : r.text });
    }),
  );

  it('shows each open proposal once; without overlaps, reads back as the wording and as the amended wording', () => {
    fc.assert(
      fc.property(props, (proposals) => {
        const segments = render('compilation', proposals).blocks.find((b) => b.provisionId === 'op-cbm')!.segments;
        const shown = segments.flatMap((s) => (s.t === 'proposal' ? [s.proposalId] : []));
        expect([...shown].sort()).toEqual(proposals.map((p) => p.id).sort());
        const sorted = [...proposals].sort((a, b) => a.range!.start - b.range!.start || a.range!.end - b.range!.end);
        const disjoint = sorted.every((p, i) => i === 0 || sorted[i - 1]!.range!.end <= p.range!.start && sorted[i - 1]!.range!.start < p.range!.start);
        if (!disjoint) return;
        const read = (pick: (s: Extract<Segment, { t: 'proposal' }>) => string | null | undefined) =>
          joinWords(segments.flatMap((s) => tokenize(s.t === 'text' ? s.text : pick(s) ?? '')));
        expect(read((s) => s.original)).toBe(DRAFT[3]!.text);
        const amended = [...sorted].reverse().reduce((t, p) => applyAmendment(t, p.range!, p.text), DRAFT[3]!.text);
        expect(read((s) => s.text)).toBe(amended);
      }),
      { numRuns: 300 },
    );
  });
});

describe('content hash and cleanliness', () => {
  const agreed: Provision[] = DRAFT.map((p) => ({ ...p, status: 'agreed' }));

  it('fingerprints kind, number and wording, not spacing or status', () => {
    const hash = cleanContentHash(agreed);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(cleanContentHash(agreed.map((p) => ({ ...p, text: ` ${p.text.replace(/ /g, '  ')} `, status: 'bracketed' })))).toBe(hash);
    expect(cleanContentHash(agreed.map((p, i) => (i === 3 ? { ...p, text: p.text.replace('cooperation', 'interaction') } : p)))).not.toBe(hash);
    expect(cleanContentHash(agreed.map((p, i) => (i === 0 ? { ...p, kind: 'op' } : p)))).not.toBe(hash);
    expect(cleanContentHash([agreed[1]!, agreed[0]!, ...agreed.slice(2)])).not.toBe(hash);
  });

  it('is clean only when every provision is agreed and nothing is still proposed', () => {
    expect(isClean(agreed, [])).toBe(true);
    expect(isClean(agreed, [{ ...PROPOSALS[0]!, state: 'withdrawn' }])).toBe(true);
    expect(isClean(agreed, [PROPOSALS[0]!])).toBe(false);
    expect(isClean(DRAFT, [])).toBe(false);
    expect(isClean([], [])).toBe(false);
  });
});
