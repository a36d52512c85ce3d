import { describe, expect, it } from 'vitest';
import { dateInZone } from '../dates';
import { planChairTerm, planStatusChange, statusOn } from '../registry';
import { effectsOf } from './effects';
import { concludeMeeting, membersOn } from './engine';
import { AZE_CHAIR, KOR_ADMISSION, REGISTRY } from './sample.test-fixture';
import type { Decision } from './types';

const adopted = { status: 'adopted' as const };

describe('effects of adoption', () => {
  it('admits the Republic of Korea as a member from the day the Summit adopted the decision', () => {
    const done = concludeMeeting(KOR_ADMISSION, { members: membersOn(REGISTRY, KOR_ADMISSION.openedOn), acts: [] }, '2006-06-17T05:12:00Z');
    if (!done.ok) throw new Error(done.problem.message);
    const adoptedOn = dateInZone(done.evaluation.effectiveAt!, 'Asia/Almaty');
    const effects = effectsOf(done.decision, done.evaluation, adoptedOn);
    expect(effects).toEqual([{ type: 'status_change', participant: 'KOR', status: 'member', from: '2006-06-17', decisionId: 3 }]);

    // The registry accepts it as a dated change, and "who were the members on 17 June 2006?" now includes Korea.
    const history = REGISTRY.find((p) => p.code === 'KOR')!.statuses;
    const effect = effects[0]!;
    if (effect.type !== 'status_change') throw new Error('expected a status change');
    const plan = planStatusChange(history, { status: effect.status, from: effect.from, to: null, reference: 'Second Summit, Almaty' });
    expect(plan).toMatchObject({ ok: true, close: { status: 'observer' } });
    const after = [{ ...history[0]!, to: effect.from }, { status: effect.status, from: effect.from, to: null, reference: null }];
    expect(statusOn(after, '2006-06-17')?.status).toBe('member');
    expect(statusOn(after, '2006-06-16')?.status).toBe('observer');
  });

  it("creates Azerbaijan's chairmanship term from the date the decision set, not the adoption date", () => {
    const effects = effectsOf(AZE_CHAIR, adopted, '2024-03-19');
    expect(effects).toEqual([{ type: 'chair_term', participant: 'AZE', from: '2024-12-17', to: null, decisionId: 12 }]);
    const kaz = [{ participant: 'KAZ', from: '2020-09-01', to: null, reference: null }];
    expect(planChairTerm(kaz, { participant: 'AZE', from: '2024-12-17', to: null, reference: 'Ministerial Council, 19 March 2024' })).toMatchObject({ ok: true, close: { participant: 'KAZ' } });
  });

  it('adopts the pinned negotiation revision as a document of the body', () => {
    const declaration: Decision = { ...KOR_ADMISSION, id: 4, title: 'Declaration of the Second CICA Summit', subject: { type: 'negotiation', negotiationId: 1, revision: 5, contentHash: 'sha256:9f2c' } };
    expect(effectsOf(declaration, adopted, '2006-06-17')).toEqual([
      { type: 'adopt_document', negotiationId: 1, revision: 5, contentHash: 'sha256:9f2c', bodyCode: 'SUMMIT', adoptedOn: '2006-06-17', decisionId: 4 },
    ]);
  });

  it('convenes a meeting, of the deciding body unless another is named', () => {
    const next: Decision = { ...KOR_ADMISSION, id: 5, title: 'Third CICA Summit', subject: { type: 'meeting', title: 'Third CICA Summit', startsOn: '2010-06-07', endsOn: '2010-06-08', venue: 'Istanbul', timeZone: 'Europe/Istanbul' } };
    expect(effectsOf(next, adopted, '2006-06-17')).toEqual([
      { type: 'create_meeting', body: 'SUMMIT', title: 'Third CICA Summit', startsOn: '2010-06-07', endsOn: '2010-06-08', venue: 'Istanbul', timeZone: 'Europe/Istanbul', decisionId: 5 },
    ]);
  });

  it('turns a recommendation into the draft decision of the next body, linked back to it', () => {
    const recommended = { type: 'text' as const, text: 'CICA Day is observed on 5 October.' };
    const soc: Decision = { ...AZE_CHAIR, id: 20, bodyCode: 'SOC', title: 'CICA Day', subject: { type: 'recommendation', toBody: 'MINISTERIAL', recommended } };
    expect(effectsOf(soc, adopted, '2024-03-19')).toEqual([
      { type: 'draft_decision', toBody: 'MINISTERIAL', subject: recommended, title: 'CICA Day', fromBody: 'SOC', fromDecision: 20 },
    ]);
  });

  it('causes nothing when not adopted, withdrawn or still open, nor for free text', () => {
    for (const status of ['not_adopted', 'withdrawn', 'open'] as const) expect(effectsOf(KOR_ADMISSION, { status }, '2006-06-17')).toEqual([]);
    expect(effectsOf({ ...AZE_CHAIR, subject: { type: 'text', text: 'The Ministerial Council takes note.' } }, adopted, '2024-03-19')).toEqual([]);
  });
});
