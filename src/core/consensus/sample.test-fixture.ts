import type { StatusPeriod } from '../registry';
import type { Act, Decision } from './types';

/**
 * A slice of the CICA registry (dates from src/seed/cica.json), plus one fictional admission
 * (Turkmenistan as a member from 15 March 2024, in the middle of the silence procedure below) to
 * show that a state admitted after a decision opens cannot object to it. The Republic of Korea is
 * still an observer: its admission is one of the decisions tested.
 */
export const REGISTRY: Array<{ code: string; statuses: StatusPeriod[] }> = [
  ...['AZE', 'CHN', 'IND', 'KAZ', 'PAK', 'RUS', 'TUR', 'EGY'].map((code) => ({
    code,
    statuses: [{ status: 'member' as const, from: '1999-09-14', to: null, reference: 'First Ministerial Meeting' }],
  })),
  { code: 'THA', statuses: [
    { status: 'observer', from: '2002-06-04', to: '2004-10-22', reference: null },
    { status: 'member', from: '2004-10-22', to: null, reference: 'Second Ministerial Meeting' },
  ] },
  // As on the morning of 17 June 2006, before the Summit admitted it (KOR_ADMISSION).
  { code: 'KOR', statuses: [{ status: 'observer', from: '2002-06-04', to: null, reference: null }] },
  { code: 'USA', statuses: [{ status: 'observer', from: '2006-06-17', to: null, reference: null }] },
  { code: 'EAEU', statuses: [{ status: 'partner', from: '2022-01-01', to: null, reference: null }] },
  { code: 'TKM', statuses: [
    { status: 'observer', from: '2021-01-01', to: '2024-03-15', reference: null },
    { status: 'member', from: '2024-03-15', to: null, reference: 'Fictional, for the tests' },
  ] },
];

/**
 * Azerbaijan's chairmanship for 2024–2026, confirmed by the Ministerial Council by silence procedure
 * with a deadline on 19 March 2024 (seed reference). The circulation date and the hour are illustrative:
 * 18:00 in Astana (UTC+5 since 1 March 2024) is 13:00 UTC.
 */
export const AZE_CHAIR: Decision = {
  id: 12,
  bodyCode: 'MINISTERIAL',
  title: 'Chairmanship of CICA for 2024–2026',
  subject: { type: 'chair', participant: 'AZE', from: '2024-12-17', to: null },
  mode: 'silence',
  openedAt: '2024-03-12T04:00:00.000Z',
  openedOn: '2024-03-12',
  deadline: '2024-03-19T13:00:00.000Z',
  extensions: [],
};

/** The Second Summit (Almaty, 17 June 2006) admits the Republic of Korea, an observer until then, in the room. */
export const KOR_ADMISSION: Decision = {
  id: 3,
  bodyCode: 'SUMMIT',
  title: 'Admission of the Republic of Korea as a member State',
  subject: { type: 'admission', participant: 'KOR', status: 'member' },
  mode: 'meeting',
  openedAt: '2006-06-17T04:30:00.000Z',
  openedOn: '2006-06-17',
  deadline: null,
  extensions: [],
};

export const objection = (participant: string, at: string, extra: Partial<Extract<Act, { kind: 'objection' }>> = {}): Act =>
  ({ kind: 'objection', participant, reason: 'Instructions from the capital are awaited.', at, byHead: true, ...extra });

export const statement = (participant: string, at: string, text = 'We understand the term of the chairmanship to be two years.'): Act =>
  ({ kind: 'statement', participant, statementKind: 'interpretative', text, at, byHead: true });

export const roomObjection = (participant: string, at: string): Act => ({ kind: 'room_objection', participant, recordedBy: 7, at });
