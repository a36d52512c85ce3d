import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/usecases/security';
import { createAccount, startBrowserApp, type Account } from '../helpers/app';
import { launchChromium } from '../helpers/browser';

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** Accounts in the browser: second factor, API tokens, invitations, administration, and the signed-in pages' accessibility. */
describe('Accounts in the browser', () => {
  let t: Awaited<ReturnType<typeof startBrowserApp>>;
  let browser: Browser;
  let base: string;
  let head: Account;
  let admin: Account;
  let secretariat: Account;

  beforeAll(async () => {
    t = await startBrowserApp();
    base = t.base;
    head = await createAccount(t.ctx, { role: 'delegate', participant: 'KAZ', functions: ['head'] });
    admin = await createAccount(t.ctx, { role: 'admin', totp: true });
    secretariat = await createAccount(t.ctx, { role: 'secretariat', totp: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris', ...options });
    return context.newPage();
  }

  async function signIn(page: Page, account: { email: string; password: string; totpSecret: string | null }) {
    await page.goto(`${base}/sign-in`);
    await page.getByTestId('signin-email').fill(account.email);
    await page.getByTestId('signin-password').fill(account.password);
    await page.getByTestId('signin-submit').click();
    if (account.totpSecret) {
      await page.getByTestId('signin-totp').fill(totpCode(account.totpSecret, new Date()));
      await page.getByTestId('signin-submit').click();
    }
    await page.waitForURL('**/profile');
    await page.getByTestId('me-name').waitFor();
  }

  async function expectNoAxeViolations(page: Page, label: string) {
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(result.violations.map((v) => `${label}: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
  }

  it('shows the API error of a wrong password in a live region', async () => {
    const page = await newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByTestId('signin-email').fill(head.email);
    await page.getByTestId('signin-password').fill('not the password at all');
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/password/i);
    expect(page.url()).toContain('/sign-in');
    await page.context().close();
  });

  it('lets a head of delegation set up an authenticator app, then asks for its code at sign-in', async () => {
    const page = await newPage();
    await signIn(page, head);
    // A head of delegation must prove a second factor before acting.
    await expect.poll(() => page.getByRole('note').textContent()).toMatch(/second factor/i);
    await page.getByRole('button', { name: 'Set up authenticator app' }).click();
    await page.getByRole('img', { name: /QR code/i }).waitFor();
    const secret = (await page.locator('code.secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.getByLabel(/six-digit code/i).fill('000000');
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/code/i);
    const confirmedStep = Math.floor(Date.now() / 30_000);
    await page.getByLabel(/six-digit code/i).fill(totpCode(secret, new Date()));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => page.locator('main').textContent()).toContain('Authenticator app enabled');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    // A code is accepted once: sign in with the next one the app shows.
    await expect.poll(() => Math.floor(Date.now() / 30_000), { timeout: 35_000, interval: 250 }).toBeGreaterThan(confirmedStep);
    await signIn(page, { ...head, totpSecret: secret });
    await expect.poll(() => page.locator('main').textContent()).toContain('This session is verified');
    expect(await page.getByRole('note').count()).toBe(0);

    // With the second factor proven, the head can issue and revoke a personal API token.
    await page.getByLabel('Label').fill('Reporting script');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect.poll(() => page.locator('.issued-token code').textContent()).toMatch(/\S{20,}/);
    const token = (await page.locator('.issued-token code').textContent())!.trim();
    const me = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    await page.getByRole('button', { name: 'Revoke the token “Reporting script”' }).click();
    await expect.poll(() => page.getByRole('table').textContent()).toContain('Revoked');
    const after = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
    await page.context().close();
  });

  it('lets an administrator invite a person, who accepts and is signed in', async () => {
    const page = await newPage();
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByLabel('E-mail').fill('aliya@example.org');
    await page.getByLabel('Name').fill('Aliya Invited');
    await page.getByLabel(/delegation \(participant code\)/i).fill('KAZ');
    await page.getByLabel('Delegate', { exact: true }).check();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.locator('.issued-token a').waitFor();
    const link = (await page.locator('.issued-token a').getAttribute('href'))!;
    expect(link).toMatch(/\/invitation\/\S+/);

    // Without SMTP the invitation lands in the outbox the administrator reads.
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => page.locator('.outbox').textContent()).toContain('aliya@example.org');
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/chain is intact/i);
    await expectNoAxeViolations(page, '/admin');

    const invitee = await newPage();
    await invitee.goto(`${base}${new URL(link, base).pathname}`);
    await expect.poll(() => invitee.locator('main').textContent()).toContain('Aliya Invited');
    await invitee.getByLabel('Password', { exact: true }).fill('too short');
    await invitee.getByLabel('Repeat the password').fill('too short');
    await invitee.getByRole('button', { name: 'Accept and sign in' }).click();
    await expect.poll(() => invitee.getByRole('alert').textContent()).toMatch(/at least 12/);
    await invitee.getByLabel('Password', { exact: true }).fill('a long enough passphrase');
    await invitee.getByLabel('Repeat the password').fill('a long enough passphrase');
    await invitee.getByRole('button', { name: 'Accept and sign in' }).click();
    await invitee.waitForURL('**/profile');
    await expect.poll(() => invitee.getByTestId('me-name').textContent()).toBe('Aliya Invited');
    await expect.poll(() => invitee.locator('main').textContent()).toContain('KAZ');
    await invitee.context().close();
    await page.context().close();
  });

  it('shows the registry to the secretariat only', async () => {
    const page = await newPage();
    await signIn(page, secretariat);
    await page.getByRole('link', { name: 'Registry' }).click();
    await page.getByRole('heading', { name: 'Record a status change' }).waitFor();
    const form = page.locator('#record-status form');
    await form.getByLabel('Participant (code)').fill('NOPE');
    await form.getByLabel('From', { exact: true }).fill('2020-01-01');
    await form.getByRole('button', { name: 'Record status' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/NOPE|not|no participant/i);
    await expectNoAxeViolations(page, '/registry');
    await page.goto(`${base}/profile`);
    await expectNoAxeViolations(page, '/profile');
    await page.context().close();

    const anonymous = await newPage();
    await anonymous.goto(`${base}/`);
    await anonymous.locator('h1').first().waitFor();
    expect(await anonymous.getByRole('link', { name: 'Registry' }).count()).toBe(0);
    await anonymous.goto(`${base}/registry`);
    await anonymous.waitForURL('**/sign-in');
    await anonymous.context().close();
  });

  it('works on a phone in French: the menu opens, the language is remembered, pages stay accessible', async () => {
    const page = await newPage({ ...PHONE, locale: 'en-GB' });
    await page.goto(`${base}/participants?at=2006-06-17&status=member`);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe('18 membres au 17 juin 2006');
    expect(await page.evaluate(() => localStorage.getItem('concord.lang'))).toBe('fr');
    await expectNoAxeViolations(page, 'phone /participants');
    await page.getByRole('link', { name: 'Organes et présidence' }).click();
    await expect.poll(() => page.title()).toContain('Organes et présidence');
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('false');
    await expectNoAxeViolations(page, 'phone /bodies');
    await page.context().close();
  });
});
