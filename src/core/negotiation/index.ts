export * from './types';
export { tokenize, joinWords, normalizeText, diffWords, type DiffOp, type WordDiff } from './words';
export { numberProvisions, referenceLabels, toRoman, subItemLetter } from './numbering';
export {
  checkProposal, makeProposal, applyAmendment, acceptProposal, insertedKind, insertionIndex,
  type ProposalInput, type Acceptance,
} from './proposals';
export { withdrawProposal, notRetainProposal, recordPosition, settleProposals } from './lifecycle';
export { rebaseProposal, mapRange, survivingPositions } from './rebase';
export {
  renderDocument, attribution, cleanContentHash, isClean,
  type Segment, type RenderedBlock, type RenderedDocument, type RenderInput, type TextView,
} from './render';
export { toPlainText, toHtml, segmentToText, segmentPieces, blockToText, numberPrefix, escapeHtml, subtitle, type Piece, type PieceRole } from './render-text';
export { compareRevisions, type ProvisionComparison, type RevisionChange } from './revisions';
export { overview, canMarkAgreed, type NegotiationOverview, type Holdout } from './overview';
