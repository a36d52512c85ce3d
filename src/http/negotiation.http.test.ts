import JSZip from 'jszip';
import { Negotiation } from '../contract/negotiation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs, startTestApp, type Session } from '../../test/helpers/app';
import { forEachDatabase, label } from '../../test/helpers/databases';

const DRAFT = [
  { kind: 'heading', text: 'General provisions' },
  { kind: 'pp', text: 'Reaffirming our commitment to strengthen cooperation among the Member States,' },
  { kind: 'op', text: 'We reaffirm the purposes and principles of the Charter of the United Nations.' },
  { kind: 'op', text: 'We decide to convene the next Summit in 2030.' },
  { kind: 'heading', text: 'Confidence-building measures' },
  { kind: 'op', text: 'We welcome the implementation of the CICA Catalogue of Confidence-Building Measures, in particular:' },
  { kind: 'sub', text: 'exchange of information on military matters;' },
];

forEachDatabase((db) => {
  describe.skipIf(!!db.unavailable)(`a whole negotiation on ${label(db)}`, () => {
    let t: Awaited<ReturnType<typeof startTestApp>>;
    const as: Record<string, Session> = {};
    beforeAll(async () => {
      t = await startTestApp(db);
      as.sec = await signInAs(t.app, t.ctx, await createAccount(t.ctx, { role: 'secretariat', totp: true }));
      for (const code of ['PAK', 'CHN', 'IND', 'KAZ', 'RUS']) {
        as[code] = await signInAs(t.app, t.ctx, await createAccount(t.ctx, { role: 'delegate', participant: code, functions: ['head'], totp: true }));
      }
      as.TUR = await signInAs(t.app, t.ctx, await createAccount(t.ctx, { role: 'delegate', participant: 'TUR', functions: ['delegate'] }));
      as.JPN = await signInAs(t.app, t.ctx, await createAccount(t.ctx, { role: 'delegate', participant: 'JPN', functions: ['head'], totp: true }));
      as.AUS = await signInAs(t.app, t.ctx, await createAccount(t.ctx, { role: 'delegate', participant: 'AUS', functions: ['delegate'] }));
    });
    afterAll(() => t?.close());

    const post = (who: string, url: string, payload?: object) => t.app.inject({ method: 'POST', url, headers: as[who]!.headers, ...(payload ? { payload } : {}) });
    const get = (who: string, url: string) => t.app.inject({ url, headers: { cookie: as[who]!.cookie } });

    it('is walked from the first draft to a clean text', async () => {
      // The secretariat tables the draft; delegations may not.
      expect((await post('PAK', '/api/negotiations', { title: 'x', bodyCode: 'SUMMIT', provisions: DRAFT })).statusCode).toBe(403);
      const created = await post('sec', '/api/negotiations', { title: 'Draft Declaration of the Seventh Summit', bodyCode: 'SUMMIT', provisions: DRAFT });
      expect(created.statusCode).toBe(201);
      const n = created.json();
      expect(n.provisions.map((p: { kind: string; num: string | null }) => p.num)).toEqual(['I', null, '1', '2', 'II', '3', '(a)']);
      const [, pp, op1, op2, , op3] = n.provisions as Array<{ id: string; text: string }>;
      const id = n.id as number;

      // Member delegations propose, support and object.
      const alt = await post('PAK', `/api/negotiations/${id}/proposals`, { provisionId: op1!.id, type: 'alternative', text: 'We reaffirm our commitment to the Charter of the United Nations.', justification: 'Shorter.' });
      expect(alt.statusCode).toBe(201);
      const supported = await post('CHN', `/api/proposals/${alt.json().id}/support`);
      expect(supported.json()).toMatchObject({ supporters: ['CHN'] });
      const del = await post('IND', `/api/negotiations/${id}/proposals`, { provisionId: op2!.id, type: 'delete' });
      expect(del.statusCode).toBe(201);
      // "cooperation" is word 5 of the preambular paragraph.
      expect(pp!.text.split(' ')[5]).toBe('cooperation');
      const amend = await post('KAZ', `/api/negotiations/${id}/proposals`, { provisionId: pp!.id, type: 'amend', range: { start: 5, end: 6 }, text: 'interaction' });
      expect(amend.statusCode).toBe(201);
      await post('RUS', `/api/proposals/${amend.json().id}/support`);
      expect((await post('IND', `/api/proposals/${amend.json().id}/support`, { position: 'oppose' })).json().opponents).toEqual(['IND']);
      const newOp = await post('TUR', `/api/negotiations/${id}/proposals`, { provisionId: op1!.id, type: 'insert_after', text: 'We stress the importance of dialogue among civilizations.' });
      expect(newOp.statusCode).toBe(201);
      const outOfRange = await post('KAZ', `/api/negotiations/${id}/proposals`, { provisionId: pp!.id, type: 'amend', range: { start: 40, end: 41 }, text: 'x' });
      expect(outOfRange.statusCode).toBe(400);
      expect(outOfRange.json().error.code).toBe('range_outside_text');

      // An observer and a state with no status today are refused; observers cannot even read an unopened text.
      const byObserver = await post('JPN', `/api/negotiations/${id}/proposals`, { provisionId: op1!.id, type: 'delete' });
      expect(byObserver.statusCode).toBe(403);
      expect((await get('JPN', `/api/negotiations/${id}`)).statusCode).toBe(403);
      expect((await post('AUS', `/api/negotiations/${id}/proposals`, { provisionId: op1!.id, type: 'delete' })).statusCode).toBe(403);
      expect((await t.app.inject(`/api/negotiations/${id}`)).statusCode).toBe(401);
      // A state withdraws only its own proposals; only the facilitator resolves.
      expect((await post('KAZ', `/api/proposals/${alt.json().id}/withdraw`)).statusCode).toBe(403);
      expect((await post('KAZ', `/api/proposals/${alt.json().id}/resolve`, { outcome: 'accepted' })).statusCode).toBe(403);

      // The compilation text carries every bracket and attribution, in text and in DOCX.
      const compilation = await get('KAZ', `/api/negotiations/${id}/text?view=compilation&format=text`);
      expect(compilation.headers['content-type']).toContain('text/plain');
      const text = compilation.body;
      for (const expected of [
        '[ALT 1 (Pakistan; supported by China): We reaffirm our commitment to the Charter of the United Nations.]',
        '[delete — India]',
        '[replace "cooperation" with "interaction" — Kazakhstan; supported by Russian Federation; opposed by India]',
        '[NEW OP after 1 (Türkiye): We stress the importance of dialogue among civilizations.]',
      ]) {
        expect(text).toContain(expected);
      }
      const docx = await get('KAZ', `/api/negotiations/${id}/text?view=compilation&format=docx`);
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-type']).toContain('wordprocessingml');
      const zip = await JSZip.loadAsync(docx.rawPayload);
      const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
      expect(xml).toContain('ALT 1 (Pakistan; supported by China): We reaffirm our commitment');
      expect(xml).toContain('delete — India');
      expect(xml).toContain('Kazakhstan; supported by Russian Federation; opposed by India');
      // The "my delegation" view shows only the reader's own proposals.
      const mine = (await get('KAZ', `/api/negotiations/${id}/text?view=compilation&format=text&mine=true`)).body;
      expect(mine).toContain('— Kazakhstan');
      expect(mine).not.toContain('Pakistan');
      expect(mine).not.toContain('[delete — India]');
      const html = await get('KAZ', `/api/negotiations/${id}/text?view=compilation&format=html`);
      expect(html.body).toContain('<html lang="en"');
      expect(html.body).toContain('Türkiye');

      // A provision with open proposals cannot be marked agreed.
      const premature = await post('sec', `/api/negotiations/${id}/provisions/${op1!.id}/status`, { status: 'agreed' });
      expect(premature.statusCode).toBe(409);
      expect(premature.json().error.code).toBe('open_proposals');

      // The facilitator accepts the new paragraph: the operative paragraphs renumber, ids stay.
      expect((await post('sec', `/api/proposals/${newOp.json().id}/resolve`, { outcome: 'accepted' })).json().state).toBe('accepted');
      let now = (await get('KAZ', `/api/negotiations/${id}`)).json();
      expect(now.provisions.map((p: { num: string | null }) => p.num)).toEqual(['I', null, '1', '2', '3', 'II', '4', '(a)']);
      expect(now.provisions.find((p: { id: string }) => p.id === op2!.id).num).toBe('3');
      expect(now.provisions.find((p: { id: string }) => p.id === op3!.id).num).toBe('4');

      // Accept the amendment, do not retain the alternative and the deletion.
      expect((await post('sec', `/api/proposals/${amend.json().id}/resolve`, { outcome: 'accepted' })).statusCode).toBe(200);
      expect((await post('sec', `/api/proposals/${alt.json().id}/resolve`, { outcome: 'not_retained' })).json().state).toBe('not_retained');
      expect((await post('sec', `/api/proposals/${del.json().id}/resolve`, { outcome: 'not_retained' })).statusCode).toBe(200);
      expect((await post('sec', `/api/proposals/${del.json().id}/resolve`, { outcome: 'accepted' })).statusCode).toBe(409);
      now = (await get('KAZ', `/api/negotiations/${id}`)).json();
      expect(now.provisions[1].text).toBe('Reaffirming our commitment to strengthen interaction among the Member States,');

      // Rev.1 is issued and compared with the text as created.
      const rev = await post('sec', `/api/negotiations/${id}/revisions`);
      expect(rev.statusCode).toBe(201);
      expect(rev.json().number).toBe(1);
      const diff = (await get('IND', `/api/negotiations/${id}/diff?from=0&to=1`)).json();
      const ppChange = diff.changes.find((c: { provisionId: string }) => c.provisionId === pp!.id);
      expect(ppChange.change).toBe('changed');
      expect(ppChange.diff).toEqual(expect.arrayContaining([{ op: 'delete', words: ['cooperation'] }, { op: 'insert', words: ['interaction'] }]));
      expect(diff.changes.filter((c: { change: string }) => c.change === 'added')).toHaveLength(1);
      expect((await get('IND', `/api/negotiations/${id}/diff?from=0&to=7`)).statusCode).toBe(404);

      // Heads of delegation take positions; the overview shows who holds out.
      expect((await post('TUR', `/api/negotiations/${id}/provisions/${op2!.id}/stance`, { stance: 'accept' })).statusCode).toBe(403);
      expect((await post('IND', `/api/negotiations/${id}/provisions/${op2!.id}/stance`, { stance: 'cannot_accept' })).statusCode).toBe(200);
      now = (await get('KAZ', `/api/negotiations/${id}`)).json();
      expect(now.overview.holdouts).toEqual([{ provisionId: op2!.id, num: '3', participants: ['IND'] }]);
      await post('IND', `/api/negotiations/${id}/provisions/${op2!.id}/stance`, { stance: 'ad_ref' });

      // Every provision agreed (one first ad ref): the text is clean, with its content hash.
      await post('sec', `/api/negotiations/${id}/provisions/${op2!.id}/status`, { status: 'agreed_ad_ref' });
      expect((await get('KAZ', `/api/negotiations/${id}/text?view=clean&format=text`)).body).toContain('(ad ref)');
      for (const p of now.provisions) expect((await post('sec', `/api/negotiations/${id}/provisions/${p.id}/status`, { status: 'agreed' })).statusCode).toBe(200);
      const final = (await get('KAZ', `/api/negotiations/${id}`)).json();
      // The route skips output validation for speed; its answer must still be exactly the contract.
      expect(Negotiation.strict().safeParse(final).success).toBe(true);
      expect(final.clean).toBe(true);
      expect(final.overview).toMatchObject({ total: 8, agreed: 8, bracketed: 0, openProposals: 0 });
      expect(final.contentHash).toMatch(/^[0-9a-f]{64}$/);
      const clean = await get('KAZ', `/api/negotiations/${id}/text?view=clean&format=json`);
      expect(clean.json()).toMatchObject({ clean: true, contentHash: final.contentHash });
      expect(clean.headers['x-content-hash']).toBe(final.contentHash);
      expect((await get('KAZ', `/api/negotiations/${id}/text?view=clean&format=text`)).body).not.toContain('[');

      // Every act is in the audit log, and the chain holds.
      const audit = (await get('sec', '/api/audit?limit=100')).json() as Array<{ action: string }>;
      for (const action of ['negotiation.create', 'proposal.submit', 'proposal.support', 'proposal.oppose', 'proposal.accept', 'proposal.not_retained', 'negotiation.revision', 'provision.stance', 'provision.status']) {
        expect(audit.map((e) => e.action)).toContain(action);
      }
      expect((await get('sec', '/api/audit/verify')).json()).toMatchObject({ ok: true });
    });

    it('rebases open amendments when accepted text changes their provision, or flags them', async () => {
      const n = (await post('sec', '/api/negotiations', { title: 'Rebase', bodyCode: 'SOC', provisions: [{ kind: 'op', text: 'We agree to hold regular consultations on security matters.' }] })).json();
      const op = n.provisions[0].id as string;
      const propose = (who: string, start: number, end: number, text: string) =>
        post(who, `/api/negotiations/${n.id}/proposals`, { provisionId: op, type: 'amend', range: { start, end }, text });
      const first = (await propose('CHN', 4, 5, 'annual')).json(); // regular → annual
      const later = (await propose('IND', 6, 8, 'on all security')).json(); // "on security" → "on all security"
      const clash = (await propose('PAK', 4, 6, 'periodic consultation')).json(); // overlaps "regular consultations"
      await post('sec', `/api/proposals/${first.id}/resolve`, { outcome: 'accepted' });
      const now = (await get('KAZ', `/api/negotiations/${n.id}`)).json();
      expect(now.provisions[0].text).toBe('We agree to hold annual consultations on security matters.');
      const byId = Object.fromEntries(now.provisions[0].proposals.map((p: { id: string }) => [p.id, p]));
      expect(byId[later.id]).toMatchObject({ state: 'open', applies: true, range: { start: 6, end: 8 }, baseText: now.provisions[0].text });
      expect(byId[clash.id]).toMatchObject({ state: 'open', applies: false });
      expect((await post('sec', `/api/proposals/${later.id}/resolve`, { outcome: 'accepted' })).statusCode).toBe(200);
      expect((await get('KAZ', `/api/negotiations/${n.id}`)).json().provisions[0].text).toBe('We agree to hold annual consultations on all security matters.');
      expect((await post('sec', `/api/proposals/${clash.id}/resolve`, { outcome: 'accepted' })).json().error.code).toBe('no_longer_applies');
    });

    it('opens a text to observers only when asked to', async () => {
      const n = (await post('sec', '/api/negotiations', { title: 'Open', bodyCode: 'SOC', openToObservers: true, provisions: [{ kind: 'op', text: 'Text.' }] })).json();
      expect((await get('JPN', `/api/negotiations/${n.id}`)).statusCode).toBe(200);
      expect((await post('JPN', `/api/negotiations/${n.id}/proposals`, { provisionId: n.provisions[0].id, type: 'delete' })).statusCode).toBe(403);
      const list = (await get('JPN', '/api/negotiations')).json() as Array<{ id: number }>;
      expect(list.map((x) => x.id)).toContain(n.id);
      expect(list.every((x) => x.id === n.id || false) || list.length >= 1).toBe(true);
    });
  });
});
