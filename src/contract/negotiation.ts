import { z } from 'zod';
import { Count, Instant } from './common';

export const ProvisionKind = z.enum(['heading', 'pp', 'op', 'sub']);
export const ProvisionStatus = z.enum(['bracketed', 'agreed_ad_ref', 'agreed']);
export const ProposalType = z.enum(['amend', 'alternative', 'insert_after', 'delete']);
export const ProposalState = z.enum(['open', 'withdrawn', 'accepted', 'not_retained', 'superseded']);
export const Stance = z.enum(['accept', 'ad_ref', 'cannot_accept']);
export const WordRange = z.object({ start: z.number().int().min(0).max(1_000_000), end: z.number().int().min(0).max(1_000_000) }).describe('Word indices [start, end) in the provision text; start = end inserts before word start');

export const NewNegotiation = z.object({
  title: z.string().min(1).max(500),
  bodyCode: z.string().min(1).max(32),
  provisions: z.array(z.object({ kind: ProvisionKind, text: z.string().max(20_000) })).min(1).max(2000),
  openToObservers: z.boolean().optional(),
  note: z.string().max(2000).nullable().optional(),
});

export const Proposal = z.object({
  id: z.string(),
  provisionId: z.string(),
  seq: z.number(),
  type: ProposalType,
  author: z.string(),
  authorName: z.string(),
  attribution: z.string().describe('e.g. "Pakistan; supported by China"'),
  text: z.string().nullable(),
  range: WordRange.nullable(),
  baseText: z.string(),
  newKind: ProvisionKind.nullable(),
  justification: z.string().nullable(),
  supporters: z.array(z.string()),
  opponents: z.array(z.string()),
  state: ProposalState,
  applies: z.boolean().describe('False when the words it amends are no longer in the provision'),
  createdAt: Instant,
  resolvedAt: Instant.nullable(),
});

export const Overview = z.object({
  total: z.number(),
  agreed: z.number(),
  agreedAdRef: z.number(),
  bracketed: z.number(),
  holdouts: z.array(z.object({ provisionId: z.string(), num: z.string().nullable(), participants: z.array(z.string()) })),
  openProposals: z.number(),
});

export const Negotiation = z.object({
  id: z.number(),
  title: z.string(),
  bodyCode: z.string(),
  note: z.string().nullable(),
  openToObservers: z.boolean(),
  revision: z.number().describe('Last revision issued; 0 is the text as created'),
  createdAt: Instant,
  lastEventId: z.number().describe('Resume the event stream after this id'),
  clean: z.boolean().describe('Every provision agreed and no open proposal'),
  contentHash: z.string().describe('SHA-256 of the clean text of the current draft'),
  overview: Overview,
  revisions: z.array(z.object({ number: z.number(), issuedAt: Instant, contentHash: z.string() })),
  provisions: z.array(
    z.object({
      id: z.string(),
      kind: ProvisionKind,
      num: z.string().nullable(),
      text: z.string(),
      status: ProvisionStatus,
      proposals: z.array(Proposal),
      stances: z.array(z.object({ participant: z.string(), stance: Stance })),
    }),
  ),
  orphanProposals: z.array(Proposal),
});

export const NegotiationSummary = z.object({
  id: z.number(),
  title: z.string(),
  bodyCode: z.string(),
  revision: z.number(),
  note: z.string().nullable(),
  createdAt: Instant,
  openToObservers: z.boolean(),
});

export const NewProposal = z.object({
  provisionId: z.string().min(1).max(64),
  type: ProposalType,
  text: z.string().max(20_000).nullable().optional(),
  range: WordRange.nullable().optional(),
  newKind: ProvisionKind.optional(),
  justification: z.string().max(5000).nullable().optional(),
});

export const PositionRequest = z.object({ position: z.enum(['support', 'oppose', 'none']).default('support') });
export const ResolveRequest = z.object({ outcome: z.enum(['accepted', 'not_retained']) });
export const StanceRequest = z.object({ stance: Stance });
export const StatusRequest = z.object({ status: ProvisionStatus });
export const Revision = z.object({ number: z.number(), issuedAt: Instant, contentHash: z.string() });

export const TextQuery = z.object({
  view: z.enum(['clean', 'compilation']).default('compilation'),
  format: z.enum(['json', 'text', 'html', 'docx']).default('json'),
  mine: z.enum(['true', 'false']).optional().describe('Only the reader’s own delegation’s proposals'),
  revision: Count.optional().describe('An issued revision instead of the current draft'),
  lang: z.enum(['en', 'ru', 'fr']).optional(),
});

export const DiffQuery = z.object({ from: Count, to: Count });
export const WordDiff = z.object({ op: z.enum(['equal', 'insert', 'delete']), words: z.array(z.string()) });
export const RevisionDiff = z.object({
  from: z.number(),
  to: z.number(),
  changes: z.array(
    z.object({
      provisionId: z.string(),
      change: z.enum(['added', 'removed', 'changed', 'unchanged']),
      numFrom: z.string().nullable(),
      numTo: z.string().nullable(),
      diff: z.array(WordDiff).nullable(),
    }),
  ),
});
