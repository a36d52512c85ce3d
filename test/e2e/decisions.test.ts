import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/usecases/security';
import { createAccount, signInAs, startBrowserApp, type Account, type Session } from '../helpers/app';
import { launchChromium } from '../helpers/browser';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SCREENSHOTS = process.env.SCREENSHOT_DIR;

/** A silence procedure in the browser: a member's head breaks silence, an observer's head is refused. */
describe('Decisions in the browser', () => {
  let t: Awaited<ReturnType<typeof startBrowserApp>>;
  let browser: Browser;
  let base: string;
  let secretariat: Session;
  let secretariatAccount: Account;
  let secretariatRu: Account;
  let india: Account;
  let japan: Account;
  let kazakhstan: Account;

  beforeAll(async () => {
    t = await startBrowserApp();
    base = t.base;
    secretariat = await signInAs(t.app, t.ctx, await createAccount(t.ctx, { role: 'secretariat', totp: true }));
    secretariatAccount = await createAccount(t.ctx, { role: 'secretariat', totp: true });
    secretariatRu = await createAccount(t.ctx, { role: 'secretariat', totp: true });
    india = await createAccount(t.ctx, { role: 'delegate', participant: 'IND', functions: ['head'], totp: true });
    japan = await createAccount(t.ctx, { role: 'delegate', participant: 'JPN', functions: ['head'], totp: true });
    // A TOTP code is accepted once: each browser sign-in below uses its own head.
    kazakhstan = await createAccount(t.ctx, { role: 'delegate', participant: 'KAZ', functions: ['head'], totp: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function launch(title: string): Promise<number> {
    const deadline = new Date(Date.now() + 2 * 86_400_000 + 4 * 3_600_000).toISOString();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/decisions',
      headers: secretariat.headers,
      payload: { bodyCode: 'SOC', title, subject: { type: 'text', text: 'The Senior Officials Committee approves the calendar of events for 2027.' }, mode: 'silence', deadline },
    });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  async function signIn(account: Account): Promise<Page> {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.getByTestId('signin-email').fill(account.email);
    await page.getByTestId('signin-password').fill(account.password);
    await page.getByTestId('signin-submit').click();
    if (account.totpSecret) {
      await page.getByTestId('signin-totp').fill(totpCode(account.totpSecret, new Date()));
      await page.getByTestId('signin-submit').click();
    }
    await expect.poll(() => page.getByTestId('me-name').textContent()).toContain('Test');
    return page;
  }

  async function breakSilence(page: Page, reason: string) {
    const flow = page.getByTestId('break-silence');
    await flow.getByTestId('break-reason').fill(reason);
    await flow.getByTestId('break-continue').click();
    await flow.getByTestId('break-confirm-step').waitFor();
    return flow;
  }

  it("lets a member's head break silence through the confirmation step, and names the state", async () => {
    const title = 'Calendar of events for 2027';
    const id = await launch(title);
    const page = await signIn(india);

    await page.getByRole('link', { name: 'Decisions', exact: true }).click();
    const row = page.getByTestId('decision-row').filter({ hasText: title });
    await row.waitFor();
    const deadline = await row.getByTestId('deadline').innerText();
    expect(deadline).toMatch(/^Deadline .*\(Asia\/Almaty, UTC\+5\) · .* your time \(Europe\/Paris\) · in 2 days (3|4) hours$/);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/decisions-list.png`, fullPage: true });

    await row.getByRole('link', { name: title }).click();
    await expect.poll(() => page.getByTestId('decision-title').textContent()).toBe(title);
    expect(page.url()).toBe(`${base}/decisions/${id}`);
    const flow = await breakSilence(page, 'The calendar clashes with the Ministerial Council.');
    expect(await flow.getByTestId('break-state').textContent()).toBe('India');
    expect(await flow.getByTestId('break-explain').textContent()).toContain('You are breaking silence on behalf of India');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/decision-confirm.png`, fullPage: true });
    await flow.getByTestId('break-submit').click();

    await expect.poll(() => page.getByTestId('silence-broken').textContent()).toBe('Silence broken by India');
    // The decision's record shows the act as entered in the audit log.
    await expect.poll(() => page.getByTestId('trail').textContent()).toContain('Objection — IND');
    expect(await page.getByTestId('objection').innerText()).toContain('The calendar clashes with the Ministerial Council.');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/decision-broken.png`, fullPage: true });
    await page.context().close();
  });

  it("shows an observer's head the server's refusal", async () => {
    const id = await launch('Observer refusal test');
    const page = await signIn(japan);
    await page.goto(`${base}/decisions/${id}`);
    await expect.poll(() => page.getByTestId('decision-title').textContent()).toBe('Observer refusal test');
    const flow = await breakSilence(page, 'We object.');
    await flow.getByTestId('break-submit').click();
    await expect.poll(() => flow.getByRole('alert').textContent()).toMatch(/observer/i);
    expect(await page.getByTestId('silence-broken').count()).toBe(0);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/decision-refused.png`, fullPage: true });
    await page.context().close();
  });

  it('has no accessibility violations on the list and the decision page', async () => {
    const id = await launch('Accessibility check');
    const page = await signIn(kazakhstan);
    await page.goto(`${base}/decisions`);
    await page.getByTestId('decision-list').waitFor();
    const list = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(list.violations.map((v) => `list: ${v.id} — ${v.help} (${v.nodes.length}) ${v.nodes.map((n) => n.html + " " + n.failureSummary).join(" / ")}`)).toEqual([]);

    await page.goto(`${base}/decisions/${id}`);
    await page.getByTestId('break-silence').waitFor();
    const detail = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(detail.violations.map((v) => `decision: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);

    await breakSilence(page, 'Checking the confirmation step.');
    const confirm = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(confirm.violations.map((v) => `confirm: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);

    // The notifications page lists the launch notices, each linking to its decision.
    await page.getByTestId('inbox-link').click();
    await expect.poll(() => page.getByTestId('inbox-item').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('inbox').getByRole('link').first().getAttribute('href')).toMatch(/^\/decisions\/\d+$/);
    // Reading the list marks the notices read: the header's unread count goes.
    await expect.poll(() => page.getByTestId('inbox-unread').count()).toBe(0);
    const inbox = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(inbox.violations.map((v) => `inbox: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/notifications.png`, fullPage: true });
    await page.context().close();
  });

  it("launches a silence procedure from the secretariat's form, the deadline given in the forum's zone", async () => {
    const page = await signIn(secretariatAccount);
    await page.goto(`${base}/decisions`);
    const form = page.getByTestId('launch-form');
    await form.waitFor();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty' }).format(new Date(Date.now() + 3 * 86_400_000));
    await form.getByTestId('launch-title').fill('Launched from the form');
    await form.getByTestId('launch-text').fill('The Committee takes note of the report.');
    await form.getByTestId('launch-date').fill(day);
    await form.getByTestId('launch-time').fill('18:00');
    // 18:00 in Almaty (UTC+5) is 13:00 UTC.
    await expect.poll(() => form.getByTestId('launch-utc').textContent()).toMatch(/13:00 UTC/);
    const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(axe.violations.map((v) => `launch: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/decision-launch.png`, fullPage: true });
    await form.getByTestId('launch-submit').click();

    await expect.poll(() => page.getByTestId('decision-title').textContent()).toBe('Launched from the form');
    const id = Number(new URL(page.url()).pathname.split('/').pop());
    const saved = await t.app.inject({ method: 'GET', url: `/api/decisions/${id}`, headers: secretariat.headers });
    expect(Date.parse(saved.json().deadline)).toBe(Date.parse(`${day}T13:00:00Z`));
    await page.getByTestId('chair-console').waitFor();
    const console = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(console.violations.map((v) => `console: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/decision-console.png`, fullPage: true });
    await page.context().close();
  });

  it('runs an in-meeting decision from the chair\'s console, in Russian: a room objection, then conclusion', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/decisions',
      headers: secretariat.headers,
      payload: { bodyCode: 'SOC', title: 'Admission of Japan as a member', subject: { type: 'admission', participant: 'JPN', status: 'member' }, mode: 'meeting' },
    });
    expect(res.statusCode).toBe(201);
    const page = await signIn(secretariatRu);
    await page.getByTestId('lang-switcher').selectOption('ru');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await page.goto(`${base}/decisions/${res.json().id}`);
    await expect.poll(() => page.getByTestId('subject').textContent()).toContain('JPN');
    const room = page.getByTestId('room-objection');
    await room.getByRole('combobox').selectOption('KAZ');
    await room.getByRole('button').click();
    await expect.poll(() => page.getByTestId('objection').count()).toBe(1);
    await page.getByTestId('conclude-start').click();
    await page.getByTestId('conclude-confirm').click();
    await expect.poll(() => page.getByTestId('decision-status').first().textContent()).toBe('Не принято');
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENSHOTS}/decision-meeting-ru.png`, fullPage: true });
    const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(axe.violations.map((v) => `meeting: ${v.id} — ${v.help} (${v.nodes.length})`)).toEqual([]);
    await page.context().close();
  });
});
