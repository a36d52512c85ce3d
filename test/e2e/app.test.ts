import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/usecases/security';
import { createAccount, startBrowserApp, type Account } from '../helpers/app';
import { launchChromium } from '../helpers/browser';

/** The delegate's and the secretariat's view of the running app, in Debian's Chromium. */
describe('Concord in the browser', () => {
  let t: Awaited<ReturnType<typeof startBrowserApp>>;
  let browser: Browser;
  let base: string;
  let delegate: Account;
  let secretariat: Account;

  beforeAll(async () => {
    t = await startBrowserApp();
    base = t.base;
    delegate = await createAccount(t.ctx, { role: 'delegate', participant: 'THA', functions: ['delegate'] });
    secretariat = await createAccount(t.ctx, { role: 'secretariat', totp: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' });
    return context.newPage();
  }

  async function signIn(page: Page, account: Account) {
    await page.goto(`${base}/sign-in`);
    await page.getByTestId('signin-email').fill(account.email);
    await page.getByTestId('signin-password').fill(account.password);
    await page.getByTestId('signin-submit').click();
    if (account.totpSecret) {
      await page.getByTestId('signin-totp').fill(totpCode(account.totpSecret, new Date()));
      await page.getByTestId('signin-submit').click();
    }
    await expect.poll(() => page.getByTestId('me-name').textContent()).toContain('Test');
  }

  it('signs a delegate in, switches to Russian and shows the 18 members of 17 June 2006', async () => {
    const page = await newPage();
    await signIn(page, delegate);
    await page.getByTestId('lang-switcher').selectOption('ru');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ru');

    await page.goto(`${base}/participants?at=2006-06-17&status=member`);
    const rows = page.getByTestId('participant-row');
    await expect.poll(() => rows.count()).toBe(18);
    const table = await page.getByTestId('participants-table').innerText();
    expect(table).toContain('Таиланд');
    expect(table).toContain('Республика Корея');
    expect(table).not.toContain('Кувейт');
    // The choice of language survives a reload.
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await expect.poll(() => rows.count()).toBe(18);
    await page.context().close();
  });

  it('changes the list when the reader picks another date', async () => {
    const page = await newPage();
    await page.goto(`${base}/participants?at=2006-06-17&status=member`);
    const rows = page.getByTestId('participant-row');
    await expect.poll(() => rows.count()).toBe(18);
    await page.getByLabel('Date').fill('2004-01-01');
    await page.getByLabel('Date').press('Enter');
    await expect.poll(() => rows.count()).toBe(16);
    expect(await page.getByTestId('participants-table').innerText()).not.toContain('Thailand');
    await page.context().close();
  });

  it('opens a state’s history from the list', async () => {
    const page = await newPage();
    await page.goto(`${base}/participants?at=2006-06-17&status=member`);
    await page.getByRole('link', { name: 'Republic of Korea' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Republic of Korea');
    const body = await page.locator('main').innerText();
    expect(body).toMatch(/observer/i);
    expect(body).toMatch(/Second Summit, Almaty/);
    await page.context().close();
  });

  it('lets the secretariat sign in with its authenticator code and add a participant', async () => {
    const page = await newPage();
    await signIn(page, secretariat);
    await page.goto(`${base}/registry`);
    const form = page.locator('form', { has: page.getByRole('button', { name: /add participant/i }) });
    await form.getByLabel(/^code/i).fill('NZL');
    await form.getByLabel(/english/i).fill('New Zealand');
    await form.getByLabel(/russian/i).fill('Новая Зеландия');
    await form.getByLabel(/^from/i).fill('2026-11-01');
    await form.getByLabel(/reference/i).fill('SOC decision 2026/4');
    await form.getByRole('button', { name: /add participant/i }).click();
    await expect.poll(() => form.locator('.form-message').textContent()).toContain('NZL');
    const nzl = (await t.app.inject('/api/participants/NZL')).json();
    expect(nzl).toMatchObject({ names: { en: 'New Zealand', ru: 'Новая Зеландия' }, status: 'observer', statuses: [{ from: '2026-11-01', reference: 'SOC decision 2026/4' }] });
    // What the secretariat added is in the public list of observers at once.
    await page.goto(`${base}/participants?status=observer`);
    await expect.poll(() => page.getByTestId('participants-table').innerText()).toContain('New Zealand');
    await page.context().close();
  });

  it('has no accessibility violations on the main public pages', async () => {
    const page = await newPage();
    for (const path of ['/', '/participants?at=2006-06-17&status=member', '/participants/KOR', '/bodies', '/sign-in']) {
      await page.goto(`${base}${path}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(result.violations.map((v) => `${path}: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
    }
    await page.context().close();
  });

  it('can be used by keyboard alone: skip link, then the navigation', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.locator('h1').first().waitFor();
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(first.toLowerCase()).toContain('skip');
    await page.context().close();
  });
});
