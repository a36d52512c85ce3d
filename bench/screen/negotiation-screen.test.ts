import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/core/policy';
import { submitProposal } from '../../src/usecases/negotiation/submit-proposal';
import { takePosition } from '../../src/usecases/negotiation/proposal-acts';
import { createAccount, signInAs, startBrowserApp, type Account } from '../../test/helpers/app';
import { launchChromium } from '../../test/helpers/browser';

/**
 * `npm run bench:screen`: the negotiation screen at 300 provisions and 3,000 proposals in Chromium.
 * Nothing is asserted about time; it prints what it measured (for bench/RESULTS.md) and leaves
 * screenshots in /tmp.
 */
describe('negotiation screen at 300 provisions and 3,000 proposals', () => {
  let t: Awaited<ReturnType<typeof startBrowserApp>>;
  let browser: Browser;
  let base: string;
  let kazakhstan: Account;

  beforeAll(async () => {
    t = await startBrowserApp();
    base = t.base;
    kazakhstan = await createAccount(t.ctx, { role: 'delegate', participant: 'KAZ', functions: ['delegate'] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(account: Account): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Almaty', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByTestId('signin-email').fill(account.email);
    await page.getByTestId('signin-password').fill(account.password);
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByTestId('me-name').textContent()).toContain('Test');
    return page;
  }

  it('renders and stays responsive', { timeout: 600_000 }, async () => {
    const secretariat = await createAccount(t.ctx, { role: 'secretariat', totp: true });
    const session = await signInAs(t.app, t.ctx, secretariat);
    const provisions: Array<{ kind: string; text: string }> = [];
    const sentence = (i: number) =>
      `We underline the importance of confidence-building measure number ${i} for peace, security and sustainable development in the region, and call upon all Member States to cooperate in its implementation in good faith.`;
    for (let s = 0; provisions.length < 300; s++) {
      provisions.push({ kind: 'heading', text: `Section ${s + 1}` });
      for (let k = 0; k < 3 && provisions.length < 300; k++) provisions.push({ kind: 'pp', text: `Recalling ${sentence(provisions.length)}` });
      for (let k = 0; k < 20 && provisions.length < 300; k++) provisions.push({ kind: k % 5 === 4 ? 'sub' : 'op', text: sentence(provisions.length) });
    }
    const created = await t.app.inject({ method: 'POST', url: '/api/negotiations', headers: session.headers, payload: { title: 'Large draft (bench)', bodyCode: 'SUMMIT', provisions } });
    const big = created.json() as { id: number; provisions: Array<{ id: string }> };
    const members = ((await t.app.inject('/api/participants?status=member')).json() as { participants: Array<{ code: string }> }).participants.map((p) => p.code);
    const actor = (code: string): Actor => ({ userId: kazakhstan.id, role: 'delegate', participant: code, functions: ['delegate'], participantStatus: 'member', isChair: false, secondFactor: true });
    const started = Date.now();
    for (let i = 0; i < 3000; i++) {
      const provisionId = big.provisions[i % 300]!.id;
      const who = actor(members[i % members.length]!);
      const words = provisions[i % 300]!.text.split(' ').length;
      const kind = words < 10 ? 6 : i % 10;
      const p =
        kind < 6
          ? await submitProposal(t.ctx, who, big.id, { provisionId, type: 'amend', range: { start: (i * 3) % 30, end: ((i * 3) % 30) + 1 + (i % 3) }, text: i % 4 === 0 ? null : `words ${i}` })
          : kind < 8
            ? await submitProposal(t.ctx, who, big.id, { provisionId, type: 'alternative', text: `Alternative wording ${i} for the whole paragraph.` })
            : kind < 9
              ? await submitProposal(t.ctx, who, big.id, { provisionId, type: 'insert_after', text: `A new paragraph proposed as number ${i}.` })
              : await submitProposal(t.ctx, who, big.id, { provisionId, type: 'delete' });
      if (i % 3 === 0) await takePosition(t.ctx, actor(members[(i + 1) % members.length]!), p.id, 'support');
    }
    console.log(`seeded 3000 proposals in ${Date.now() - started} ms`);

    const page = await signedIn(kazakhstan);
    const t0 = Date.now();
    await page.goto(`${base}/negotiations/${big.id}`);
    await expect.poll(() => page.getByTestId('provision').count(), { timeout: 60_000 }).toBe(300);
    const firstRender = Date.now() - t0;
    await expect.poll(() => page.getByTestId('live-state').textContent()).toBe('Live');
    await page.screenshot({ path: '/tmp/concord-negotiation-300.png' });

    // In the page: from the click until the expected DOM is there and two frames have been painted.
    const timed = (script: string, until = 'true') =>
      page.evaluate(
        `(async () => { const t0 = performance.now(); ${script}; await new Promise((r) => { const tick = () => (${until}) ? requestAnimationFrame(() => requestAnimationFrame(r)) : requestAnimationFrame(tick); tick(); }); return Math.round(performance.now() - t0); })()`,
      ) as Promise<number>;
    const openPanel: number[] = [];
    for (const n of [150, 151, 20, 280, 150, 151])
      openPanel.push(await timed(`document.querySelectorAll('[data-testid=provision-open]')[${n}].click()`, `document.querySelector('[data-testid=provision-panel]')`));
    await page.screenshot({ path: '/tmp/concord-negotiation-300-panel.png' });
    const shown = `document.querySelectorAll('[data-testid=provision]:not([hidden])').length`;
    const filterContested = await timed(`document.querySelector('[data-testid=filter-contested]').click()`, `location.search.includes('contested')`);
    const filterMine = await timed(`document.querySelector('[data-testid=filter-mine]').click()`, `${shown} < 300`);
    const filterAll = await timed(`document.querySelector('[data-testid=filter-all]').click()`, `${shown} === 300`);
    const toClean = await timed(`document.querySelector('[data-testid=view-clean]').click()`, `document.querySelector('.provisions.view-clean')`);
    const toCompilation = await timed(`document.querySelector('[data-testid=view-compilation]').click()`, `document.querySelector('.provisions.view-compilation')`);
    const keystroke: number[] = [];
    await page.getByTestId('propose-text').focus();
    for (const ch of 'words') keystroke.push(await timed(`(() => { const el = document.querySelector('[data-testid=propose-text]'); const set = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set; set.call(el, el.value + '${ch}'); el.dispatchEvent(new Event('input', { bubbles: true })); })()`));
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: '/tmp/concord-negotiation-300-narrow.png' });
    await page.setViewportSize({ width: 1366, height: 900 });

    // A proposal from elsewhere: how long until it is on this screen (event, refetch of the whole text, render).
    const before = Date.now();
    await submitProposal(t.ctx, actor('IND'), big.id, { provisionId: big.provisions[150]!.id, type: 'alternative', text: 'Live wording from India.' });
    await expect.poll(() => page.locator(`[data-provision-id="${big.provisions[150]!.id}"]`).textContent()).toContain('Live wording from India');
    const liveUpdate = Date.now() - before;
    const apiMs: number[] = [];
    let bytes = 0;
    for (let k = 0; k < 3; k++) {
      const api = Date.now();
      bytes = (await page.evaluate(`fetch('/api/negotiations/${big.id}').then((r) => r.text()).then((x) => x.length)`)) as number;
      apiMs.push(Date.now() - api);
    }
    console.log(JSON.stringify({ firstRenderMs: firstRender, openPanelMs: openPanel, filterContestedMs: filterContested, filterMineMs: filterMine, filterAllMs: filterAll, toCleanMs: toClean, toCompilationMs: toCompilation, keystrokeMs: keystroke, liveUpdateMs: liveUpdate, apiFetchMs: apiMs, jsonBytes: bytes }));
    await page.context().close();
  });
});
