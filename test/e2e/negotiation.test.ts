import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInAs, startBrowserApp, type Account } from '../helpers/app';
import { launchChromium } from '../helpers/browser';

const DRAFT = [
  { kind: 'heading', text: 'General provisions' },
  { kind: 'pp', text: 'Recalling the Almaty Act of 2002,' },
  { kind: 'op', text: 'We reaffirm our commitment to dialogue and cooperation in Asia.' },
  { kind: 'op', text: 'We decide to meet again in two years.' },
];

/** Two delegations in the same negotiation, each in its own browser: what one does, the other sees without reloading. */
describe('The negotiation screen', () => {
  let t: Awaited<ReturnType<typeof startBrowserApp>>;
  let browser: Browser;
  let base: string;
  let kazakhstan: Account;
  let china: Account;
  let negotiationId: number;

  beforeAll(async () => {
    t = await startBrowserApp();
    base = t.base;
    const secretariat = await createAccount(t.ctx, { role: 'secretariat', totp: true });
    const session = await signInAs(t.app, t.ctx, secretariat);
    const created = await t.app.inject({ method: 'POST', url: '/api/negotiations', headers: session.headers, payload: { title: 'Draft Declaration of the Test Summit', bodyCode: 'SUMMIT', provisions: DRAFT } });
    expect(created.statusCode).toBe(201);
    negotiationId = created.json().id;
    kazakhstan = await createAccount(t.ctx, { role: 'delegate', participant: 'KAZ', functions: ['delegate'] });
    china = await createAccount(t.ctx, { role: 'delegate', participant: 'CHN', functions: ['delegate'] });
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

  async function openNegotiation(page: Page) {
    await page.getByRole('link', { name: 'Negotiations' }).click();
    await page.getByRole('link', { name: 'Draft Declaration of the Test Summit' }).click();
    await expect.poll(() => page.getByTestId('provision').count()).toBe(DRAFT.length);
    await expect.poll(() => page.getByTestId('live-state').textContent()).toBe('Live');
  }

  const operative1 = (page: Page) => page.getByTestId('provision').nth(2);

  /** Where word `word` of the provision in row `row` is on screen (runs of text carry the index of their first word). */
  const wordBox = (page: Page, row: number, word: number) =>
    page.evaluate(
      ([row, word]) => {
        const runs = [...document.querySelectorAll('[data-testid=provision]')[row]!.querySelectorAll<HTMLElement>('[data-w0]')];
        const run = runs.filter((r) => Number(r.dataset.w0) <= word).pop()!;
        const text = run.firstChild!;
        const words = (text.textContent ?? '').split(' ');
        const k = word - Number(run.dataset.w0);
        const start = words.slice(0, k).join(' ').length + (k > 0 ? 1 : 0);
        const range = document.createRange();
        range.setStart(text, start);
        range.setEnd(text, start + words[k]!.length);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      },
      [row, word] as const,
    );

  it("shows one delegation's amendment and another's support in both screens without reloading", async () => {
    const a = await signedIn(kazakhstan);
    const b = await signedIn(china);
    await openNegotiation(a);
    await openNegotiation(b);

    // Kazakhstan, by keyboard: open OP 1, choose the word "dialogue" with the selectors, type the new words.
    await operative1(a).getByTestId('provision-open').focus();
    await a.keyboard.press('Enter');
    const form = a.getByTestId('propose-form');
    await form.getByTestId('propose-from').selectOption({ label: '6 · dialogue' });
    await form.getByTestId('propose-to').selectOption({ label: '6 · dialogue' });
    await form.getByTestId('propose-text').fill('trust');
    await form.getByLabel(/justification/i).fill('Trust is what the Conference builds.');
    await form.getByTestId('propose-submit').click();
    await expect.poll(() => form.locator('.form-message').textContent()).toContain('Proposal submitted');
    await expect.poll(() => operative1(a).innerText()).toContain('[replace "dialogue" with "trust" — Kazakhstan]');

    // China's screen shows it without a reload, bracketed exactly as in the compilation text.
    await expect.poll(() => operative1(b).innerText()).toContain('[replace "dialogue" with "trust" — Kazakhstan]');
    expect(await b.getByTestId('overview').innerText()).toContain('1 open proposal');

    // China supports it; Kazakhstan sees "supported by China" arrive.
    await operative1(b).getByTestId('provision-open').click();
    const proposal = b.getByTestId('provision-panel').getByTestId('proposal').first();
    expect(await proposal.getByTestId('proposal-attribution').textContent()).toBe('Kazakhstan');
    await proposal.getByTestId('proposal-support').click();
    await expect.poll(() => proposal.getByTestId('proposal-attribution').textContent()).toBe('Kazakhstan; supported by China');
    await expect.poll(() => operative1(a).innerText()).toContain('Kazakhstan; supported by China');
    await expect.poll(() => a.getByTestId('provision-panel').getByTestId('proposal-attribution').first().textContent()).toBe('Kazakhstan; supported by China');

    // A mouse selection of words in the text opens the proposal form on exactly those words.
    const from = await wordBox(b, 2, 7);
    const to = await wordBox(b, 2, 8);
    await b.mouse.move(from.x + 1, from.y + from.height / 2);
    await b.mouse.down();
    await b.mouse.move(to.x + to.width - 4, to.y + to.height / 2, { steps: 5 });
    await b.mouse.up();
    const bForm = b.getByTestId('propose-form');
    await expect.poll(() => bForm.getByTestId('propose-text').inputValue()).toBe('cooperation in');
    expect(await bForm.getByTestId('propose-from').inputValue()).toBe('7');
    expect(await bForm.getByTestId('propose-to').inputValue()).toBe('8');

    await a.context().close();
    await b.context().close();
  });

  it('has no accessibility violations on the negotiation screen, with a provision open', async () => {
    const page = await signedIn(kazakhstan);
    await page.goto(`${base}/negotiations/${negotiationId}`);
    await expect.poll(() => page.getByTestId('provision').count()).toBe(DRAFT.length);
    await operative1(page).getByTestId('provision-open').click();
    await page.getByTestId('provision-panel').waitFor();
    await expect.poll(() => page.getByTestId('live-state').textContent()).toBe('Live');
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(result.violations.map((v) => `${v.id} — ${v.help} (${v.nodes.length}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
    await page.goto(`${base}/negotiations`);
    await page.getByTestId('negotiation-list').waitFor();
    // The sample forum's negotiation says, on the list and on its screen, that it is fictional.
    expect(await page.getByTestId('negotiation-list').innerText()).toMatch(/fictional/i);
    const list = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(list.violations.map((v) => `${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
    await page.getByTestId('negotiation-list').getByRole('link').filter({ hasNotText: 'Test Summit' }).first().click();
    await expect.poll(() => page.getByTestId('negotiation-note').textContent()).toMatch(/fictional/i);
    await expect.poll(() => page.getByTestId('provision').count()).toBeGreaterThan(3);
    if (process.env.CONCORD_SCREEN_PERF) await page.screenshot({ path: '/tmp/concord-negotiation-sample.png', fullPage: true });
    await page.context().close();
  });
});
