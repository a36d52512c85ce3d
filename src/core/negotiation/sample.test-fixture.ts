import type { Proposal, Provision } from './types';

/** A fictional draft in the style of the 2006 Almaty Declaration, used across the negotiation tests. */
export const DRAFT: Provision[] = [
  { id: 'pp-charter', kind: 'pp', text: 'Reaffirming our commitment to the purposes and principles of the Charter of the United Nations,', status: 'agreed' },
  { id: 'pp-almaty', kind: 'pp', text: 'Recalling the Almaty Act of 2002,', status: 'bracketed' },
  { id: 'h-security', kind: 'heading', text: 'Security and confidence-building', status: 'agreed' },
  { id: 'op-cbm', kind: 'op', text: 'We will strengthen cooperation among member States in implementing confidence-building measures.', status: 'bracketed' },
  { id: 'op-terror', kind: 'op', text: 'We condemn terrorism in all its forms and manifestations.', status: 'agreed_ad_ref' },
  { id: 'h-economy', kind: 'heading', text: 'Economic dimension', status: 'agreed' },
  { id: 'op-trade', kind: 'op', text: 'We encourage trade and investment in the region, in particular:', status: 'bracketed' },
  { id: 'sub-transport', kind: 'sub', text: 'transport corridors;', status: 'bracketed' },
  { id: 'sub-energy', kind: 'sub', text: 'energy security;', status: 'agreed' },
  { id: 'op-next', kind: 'op', text: 'We decide to hold the next Summit in 2010.', status: 'bracketed' },
];

export const NAMES: Record<string, string> = {
  PAK: 'Pakistan', CHN: 'China', IND: 'India', KAZ: 'Kazakhstan', RUS: 'Russian Federation', TUR: 'Türkiye', IRN: 'Iran',
};

export function proposal(fields: Partial<Proposal> & Pick<Proposal, 'id' | 'provisionId' | 'type' | 'author'>): Proposal {
  const baseText = DRAFT.find((p) => p.id === fields.provisionId)?.text ?? '';
  return { text: null, range: null, baseText, justification: null, supporters: [], opponents: [], state: 'open', applies: true, ...fields };
}
