import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startSmtpSink, type Received, type SmtpSink } from '../tests/support/smtp-sink';
import { ARTICLE_TITLE } from './support/capture';
import { withDb } from './support/db';
import { newUser, register } from './support/users';

const run = promisify(execFile);

// The site's SMTP_URL (playwright.config.ts) points at this real SMTP server on loopback.
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1);
let smtp: SmtpSink;

// One SMTP server, one digest day at a time: these tests run in order, in one worker. Each
// `npm run newsletter:send` starts tsx afresh (seconds on a busy machine): room for four of them.
test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.beforeAll(async () => {
  smtp = await startSmtpSink({ port: smtpPort });
});
test.afterAll(async () => {
  await smtp?.close();
});

let n = 0;
const address = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++n}@example.test`;
const mailTo = (email: string, subject?: RegExp) => (r: Received) => r.to.includes(email) && (!subject || subject.test(r.mail.subject ?? ''));
const linkIn = (text: string, path: string) => {
  const m = new RegExp(`https?://\\S+${path.replace(/\//g, '\\/')}\\?token=[^\\s>]+`).exec(text);
  if (!m) throw new Error(`no ${path} link in:\n${text}`);
  return m[0];
};

/** `npm run newsletter:send`, as an operator (or the cron) runs it, against the test store. */
async function sendDigest(...args: string[]): Promise<string> {
  const { stdout } = await run('npm', ['run', '--silent', 'newsletter:send', '--', ...args], {
    env: { ...process.env, DATABASE_FILE: process.env.E2E_DATABASE_FILE, SMTP_URL: smtp.url, SITE_URL: test.info().project.use.baseURL },
    timeout: 60_000,
  });
  return stdout;
}

async function subscribeFrom(page: Page, email: string) {
  const box = page.getByRole('region', { name: 'News subscription' });
  await expect(box.getByText('A daily e-mail digest of the news.')).toBeVisible();
  await box.getByRole('textbox', { name: 'Email' }).fill(email);
  await box.getByRole('button', { name: 'Subscribe' }).click();
  await expect(box.getByRole('status')).toContainText('Open the link in it to confirm');
}

function seededArticle() {
  const a = withDb((db) => db.prepare('SELECT id, slug FROM articles WHERE title = ?').get(ARTICLE_TITLE) as { id: number; slug: string });
  return { ...a, path: `/news/${a.id}-${a.slug}` };
}

test('subscribe → confirm by e-mail → the digest arrives in HTML and text → unsubscribe → never again, and never twice', async ({ page, baseURL }) => {
  const email = address('reader');
  await page.goto('/');
  await subscribeFrom(page, email);

  const confirmation = await smtp.waitFor(mailTo(email, /Confirm your subscription/));
  await page.goto(linkIn(confirmation.mail.text!, '/api/newsletter/confirm'));
  await expect(page.getByRole('heading', { level: 1, name: 'Subscription confirmed' })).toBeVisible();
  // Opening the link again is harmless.
  await page.goto(linkIn(confirmation.mail.text!, '/api/newsletter/confirm'));
  await expect(page.getByRole('heading', { level: 1, name: 'Subscription confirmed' })).toBeVisible();

  // The seed was imported when the server started: it is today's news.
  const article = seededArticle();
  const out = await sendDigest();
  const day = /digest (\d{4}-\d{2}-\d{2}): sent 1, failed 0/.exec(out)?.[1];
  expect(day, out).toBeTruthy();
  const digest = await smtp.waitFor(mailTo(email, /Courier daily news/));
  const link = `${baseURL}/news/${article.id}-${article.slug}`;
  expect(digest.mail.text).toContain(ARTICLE_TITLE);
  expect(digest.mail.text).toContain(link);
  expect(digest.mail.html).toContain(`href="${link}"`);
  expect(digest.mail.html).toContain(ARTICLE_TITLE.replace("'", '&#39;'));
  const unsubscribeLink = linkIn(digest.mail.text!, '/api/newsletter/unsubscribe');
  const headers = digest.mail.headerLines.map((h) => h.line.replace(/\r\n\s+/g, ' '));
  expect(headers).toContain(`List-Unsubscribe: <${unsubscribeLink}>`);
  expect(headers).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

  // The same day again sends nothing, to anyone.
  const before = smtp.received.length;
  expect(await sendDigest('--date', day!)).toContain(`digest ${day}: sent 0, failed 0, already sent earlier 1`);
  expect(smtp.received.length).toBe(before);

  // Unsubscribed at once: a later send for a newcomer skips the address.
  await page.goto(unsubscribeLink);
  await expect(page.getByRole('heading', { level: 1, name: 'You are unsubscribed' })).toBeVisible();
  const newcomer = address('newcomer');
  await page.goto(article.path);
  await subscribeFrom(page, newcomer);
  await page.goto(linkIn((await smtp.waitFor(mailTo(newcomer, /Confirm/))).mail.text!, '/api/newsletter/confirm'));
  expect(await sendDigest()).toContain(`digest ${day}: sent 1, failed 0, already sent earlier 1`);
  await smtp.waitFor(mailTo(newcomer, /Courier daily news/));
  expect(smtp.received.filter(mailTo(email, /Courier daily news/))).toHaveLength(1);

  // The admin page counts it all.
  const admin = newUser('newsletter-admin');
  await page.context().clearCookies();
  await register(page, admin);
  withDb((db) => db.prepare("UPDATE users SET role = 'admin' WHERE email = ?").run(admin.email));
  await page.goto('/admin');
  const section = page.getByRole('region', { name: 'News subscription' });
  await expect(section.getByText('Unsubscribed')).toBeVisible();
  await expect(section.getByRole('table', { name: 'Last digests sent' }).getByRole('row', { name: new RegExp(day!) })).toBeVisible();
});

test('a mail provider’s one-click unsubscribe (RFC 8058) works from another site, at once', async ({ page, request }) => {
  const email = address('oneclick');
  await page.goto('/');
  await subscribeFrom(page, email);
  const confirmation = await smtp.waitFor(mailTo(email, /Confirm/));
  await page.goto(linkIn(confirmation.mail.text!, '/api/newsletter/confirm'));
  const id = withDb((db) => (db.prepare('SELECT id FROM subscribers WHERE email = ?').get(email) as { id: number }).id);
  const { unsubscribeToken } = await import('../lib/newsletter/tokens');
  process.env.DATABASE_FILE = process.env.E2E_DATABASE_FILE; // the secret lives beside the store
  const url = `/api/newsletter/unsubscribe?token=${encodeURIComponent(unsubscribeToken(id, email))}`;

  const forged = await request.post(`/api/newsletter/unsubscribe?token=${id}.0.${'A'.repeat(43)}`, {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' },
    data: 'List-Unsubscribe=One-Click',
  });
  expect(forged.status()).toBe(400);
  expect(withDb((db) => db.prepare('SELECT status FROM subscribers WHERE id = ?').get(id))).toEqual({ status: 'confirmed' });

  const res = await request.post(url, {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site', Origin: 'https://mail.example' },
    data: 'List-Unsubscribe=One-Click',
  });
  expect(res.status()).toBe(200);
  expect(withDb((db) => db.prepare('SELECT status FROM subscribers WHERE id = ?').get(id))).toEqual({ status: 'unsubscribed' });
});

test('the same answer for a known address; bad addresses, header injection, expired and tampered links are refused', async ({ page }) => {
  const email = address('known');
  await page.goto('/');
  await subscribeFrom(page, email);
  const confirmation = await smtp.waitFor(mailTo(email, /Confirm/));
  const confirmLink = linkIn(confirmation.mail.text!, '/api/newsletter/confirm');
  await page.goto(confirmLink);

  // Subscribing a confirmed address again: the same words on the page; the owner gets a notice, not a link.
  await page.goto('/');
  await subscribeFrom(page, email);
  await smtp.waitFor(mailTo(email, /already subscribed/));

  const box = page.getByRole('region', { name: 'News subscription' });
  await box.getByRole('textbox', { name: 'Email' }).fill('not an address');
  await box.getByRole('button', { name: 'Subscribe' }).click();
  await expect(box.getByRole('status')).toHaveText('Enter a valid e-mail address, like name@example.com.');
  await expect(box.getByRole('textbox', { name: 'Email' })).toHaveAttribute('aria-invalid', 'true');

  // A browser strips line breaks from the field, so the attack is a doctored request.
  await page.route('**/*', async (route) => {
    const body = route.request().postData();
    if (route.request().method() === 'POST' && body?.includes('inject@example.test')) {
      await route.continue({ postData: body.replace('inject@example.test', 'inject@example.test\r\nBcc: victim@example.test') });
    } else await route.continue();
  });
  await box.getByRole('textbox', { name: 'Email' }).fill('inject@example.test');
  await box.getByRole('button', { name: 'Subscribe' }).click();
  await expect(box.getByRole('status')).toHaveText('Enter a valid e-mail address, like name@example.com.');
  await page.unroute('**/*');
  expect(withDb((db) => db.prepare("SELECT COUNT(*) AS n FROM subscribers WHERE email LIKE '%inject%' OR email LIKE '%victim%'").get())).toEqual({ n: 0 });

  const tampered = confirmLink.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
  await page.goto(tampered);
  await expect(page.getByRole('heading', { level: 1, name: 'This link does not work' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'News subscription' })).toBeVisible();

  process.env.DATABASE_FILE = process.env.E2E_DATABASE_FILE;
  const { confirmToken } = await import('../lib/newsletter/tokens');
  const late = address('late');
  await page.goto('/');
  await subscribeFrom(page, late);
  const id = withDb((db) => (db.prepare('SELECT id FROM subscribers WHERE email = ?').get(late) as { id: number }).id);
  await page.goto(`/api/newsletter/confirm?token=${encodeURIComponent(confirmToken(id, late, Date.now() - 49 * 3600_000))}`);
  await expect(page.getByRole('heading', { level: 1, name: 'This confirmation link has expired' })).toBeVisible();
  expect(withDb((db) => db.prepare('SELECT status FROM subscribers WHERE id = ?').get(id))).toEqual({ status: 'pending' });
});

test('without JavaScript the box still subscribes; in Russian it speaks Russian', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/ru/');
  const box = page.getByRole('region', { name: 'Подписка на новости' });
  const email = address('nojs');
  await box.getByRole('textbox', { name: 'Эл. почта' }).fill(email);
  await box.getByRole('button', { name: 'Подписаться' }).click();
  await expect(page.getByRole('region', { name: 'Подписка на новости' }).getByRole('status')).toContainText('Почти готово');
  const mail = await smtp.waitFor(mailTo(email));
  expect(mail.mail.subject).toBe('Подтвердите подписку на ежедневные новости Courier');
  await context.close();
});

test('a signed-in reader turns the digest on and off from the account page, without a second confirmation', async ({ page }) => {
  const user = newUser('digest');
  await register(page, user);
  await page.goto('/account');
  await expect(page.getByText(`The daily digest is not sent to ${user.email}.`)).toBeVisible();
  await page.getByRole('button', { name: 'Receive the daily digest' }).click();
  await expect(page.getByText(`The daily digest of the news is sent to ${user.email}.`)).toBeVisible();
  expect(withDb((db) => db.prepare('SELECT status FROM subscribers WHERE email = ?').get(user.email))).toEqual({ status: 'confirmed' });
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.getByRole('button', { name: 'Stop the daily digest' }).click();
  await expect(page.getByText(`The daily digest is not sent to ${user.email}.`)).toBeVisible();
  expect(withDb((db) => db.prepare('SELECT status FROM subscribers WHERE email = ?').get(user.email))).toEqual({ status: 'unsubscribed' });
});
