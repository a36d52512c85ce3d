import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { numberPrefix, segmentPieces, subtitle, type PieceRole, type RenderedBlock, type RenderedDocument } from '../core/negotiation';

/**
 * A real .docx (delegations work in Word) from the same document model as the text and HTML views:
 * brackets and attributions come from the core's pieces, so they read exactly as in the other formats.
 */
const STYLE: Record<PieceRole, { bold?: boolean; italics?: boolean; underline?: object; strike?: boolean }> = {
  text: {},
  punct: {},
  label: { bold: true },
  attribution: { italics: true },
  original: { strike: true },
  proposed: { underline: {} },
};

function blockParagraph(block: RenderedBlock): Paragraph {
  const runs: TextRun[] = [];
  const prefix = numberPrefix(block);
  if (prefix) runs.push(new TextRun({ text: prefix, bold: block.kind === 'heading' }));
  const wrap = block.bracketed && block.proposalId === undefined;
  if (wrap) runs.push(new TextRun('['));
  block.segments.forEach((segment, i) => {
    if (i > 0) runs.push(new TextRun(' '));
    for (const piece of segmentPieces(segment)) runs.push(new TextRun({ text: piece.text, ...STYLE[piece.role], ...(block.kind === 'heading' ? { bold: true } : {}) }));
  });
  if (wrap) runs.push(new TextRun(']'));
  if (block.status === 'agreed_ad_ref') runs.push(new TextRun({ text: ' (ad ref)', italics: true }));
  return new Paragraph({
    children: runs,
    spacing: { after: 160 },
    ...(block.kind === 'heading' ? { heading: HeadingLevel.HEADING_2, alignment: AlignmentType.CENTER } : {}),
    ...(block.kind === 'sub' ? { indent: { left: 720 } } : block.kind === 'pp' ? { indent: { firstLine: 567 } } : {}),
  });
}

export async function toDocx(doc: RenderedDocument): Promise<Buffer> {
  const document = new Document({
    creator: 'Concord',
    title: doc.title,
    description: subtitle(doc),
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.title, bold: true })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 320 }, children: [new TextRun({ text: subtitle(doc), italics: true })] }),
          ...doc.blocks.map(blockParagraph),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
