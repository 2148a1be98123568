import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createArticle, withDb } from './support/db';
import { newUser, register } from './support/users';

async function signedIn(browser: Browser, prefix: string, role?: 'moderator' | 'admin') {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = newUser(prefix);
  await register(page, user);
  if (role) withDb((db) => db.prepare('UPDATE users SET role = ? WHERE email = ?').run(role, user.email));
  return { context, page, user };
}

async function post(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Comment' }).first().fill(text);
  await page.getByRole('button', { name: 'Post comment' }).first().click();
}

function setSettings(values: Record<string, string>) {
  withDb((db) => {
    const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    for (const [k, v] of Object.entries(values)) upsert.run(k, v);
  });
}

// Settings are site-wide: these tests change them one at a time.
test.describe.configure({ mode: 'serial' });

test('who may open /admin: signed out → log in, reader → 403, moderator and admin → the page', async ({ browser }) => {
  test.setTimeout(90_000);
  const anon = await browser.newPage();
  await anon.goto('/admin');
  await expect(anon).toHaveURL(/\/login\?callbackUrl=%2Fadmin/);
  const reader = await signedIn(browser, 'reader');
  const response = await reader.page.goto('/admin');
  expect(response?.status()).toBe(403);
  await expect(reader.page.getByRole('heading', { name: 'Access denied' })).toBeVisible();
  // A header that once let requests skip middleware changes nothing here: the page checks itself.
  const bypass = await reader.context.request.get('/admin', { headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' } });
  expect(bypass.status()).toBe(403);
  for (const role of ['moderator', 'admin'] as const) {
    const m = await signedIn(browser, role, role);
    await m.page.goto('/admin');
    for (const name of ['Reports', 'Pending', 'Users', 'Moderation log']) await expect(m.page.getByRole('heading', { name, exact: true })).toBeVisible();
    const axe = await new AxeBuilder({ page: m.page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await m.context.close();
  }
  await reader.context.close();
  await anon.close();
});

test('report → hide from the queue by keyboard → gone for an open reader → on the record', async ({ browser }) => {
  test.setTimeout(90_000);
  const article = createArticle();
  const author = await signedIn(browser, 'author');
  await author.page.goto(article.path);
  await post(author.page, 'Buy cheap watches at my shop');
  await expect(author.page.getByRole('article').filter({ hasText: 'Buy cheap watches' })).toBeVisible();

  const reporter = await signedIn(browser, 'reporter');
  await reporter.page.goto(article.path);
  const comment = reporter.page.getByRole('article').filter({ hasText: 'Buy cheap watches' });
  await comment.getByRole('button', { name: 'Report' }).click();
  await reporter.page.getByRole('button', { name: 'Send report' }).click();
  await expect(reporter.page.getByRole('article').filter({ hasText: 'Buy cheap watches' }).getByRole('button', { name: 'Reported' })).toBeVisible();

  const reader = await browser.newPage();
  await reader.goto(article.path);
  await expect(reader.getByText('Buy cheap watches at my shop')).toBeVisible();

  const mod = await signedIn(browser, 'mod', 'moderator');
  await mod.page.goto('/admin');
  const reports = mod.page.getByRole('region', { name: /^Reports/ });
  await expect(reports.getByText('Buy cheap watches at my shop')).toBeVisible();
  await mod.page.locator('body').click({ position: { x: 1, y: 1 } });
  await mod.page.keyboard.press('j');
  await expect(reports.getByRole('article').first()).toBeFocused();
  await mod.page.keyboard.press('h');
  await expect(reports.getByRole('textbox', { name: 'Reason', exact: true })).toBeFocused();
  await mod.page.keyboard.type('Advertising');
  await mod.page.keyboard.press('Enter');
  // Done: it leaves the queue.
  await expect(reports.getByText('Buy cheap watches at my shop')).toHaveCount(0);

  // The reader never reloaded.
  await expect(reader.getByText('Buy cheap watches at my shop')).toHaveCount(0, { timeout: 3_000 });
  await expect(reader.getByText('Hidden by a moderator: Advertising')).toBeVisible();

  await mod.page.goto('/admin');
  const log = mod.page.getByRole('region', { name: 'Moderation log' });
  await expect(log.getByRole('row').filter({ hasText: 'Advertising' })).toContainText('hid');
  const pub = await browser.newPage();
  await pub.goto('/moderation');
  const row = pub.getByRole('row').filter({ hasText: 'Advertising' });
  await expect(row).toContainText('hid');
  await expect(pub.locator('body')).not.toContainText('@example.test');
  for (const c of [author.context, reporter.context, mod.context]) await c.close();
  await reader.close();
  await pub.close();
});

test('pre-moderation, suspect and banned words', async ({ browser }) => {
  test.setTimeout(90_000);
  const article = createArticle();
  setSettings({ premoderation: 'new-users', first_n: '1', suspect_words: 'casino', banned_words: 'идиот' });
  try {
    const newbie = await signedIn(browser, 'newbie');
    await newbie.page.goto(article.path);
    await post(newbie.page, 'My very first comment here.');
    const held = newbie.page.getByRole('article').filter({ hasText: 'My very first comment here.' });
    await expect(held.getByText('Awaiting moderation')).toBeVisible();
    const other = await browser.newPage();
    await other.goto(article.path);
    await expect(other.getByText('My very first comment here.')).toHaveCount(0);

    const mod = await signedIn(browser, 'approver', 'moderator');
    await mod.page.goto('/admin');
    const pending = mod.page.getByRole('region', { name: /^Pending/ });
    const card = pending.getByRole('article').filter({ hasText: 'My very first comment here.' });
    await card.getByRole('button', { name: 'Approve' }).click();
    await expect(pending.getByText('My very first comment here.')).toHaveCount(0);
    await other.reload();
    await expect(other.getByText('My very first comment here.')).toBeVisible();

    // Approved once, the newbie posts freely; a suspect word still goes to Pending, a banned one is refused.
    await newbie.page.waitForTimeout(5_100);
    await post(newbie.page, 'Try the casino tonight');
    await expect(newbie.page.getByRole('article').filter({ hasText: 'Try the casino tonight' }).getByText('Awaiting moderation')).toBeVisible();
    await newbie.page.waitForTimeout(5_100);
    await post(newbie.page, 'ты идиoт');
    await expect(newbie.page.getByRole('alert').filter({ hasText: 'not allowed here' })).toBeVisible();
    expect(withDb((db) => db.prepare(`SELECT count(*) AS n FROM comments WHERE body = 'ты идиoт'`).get() as { n: number }).n).toBe(0);
    await mod.page.goto('/admin');
    await expect(mod.page.getByRole('region', { name: /^Pending/ }).getByText('Try the casino tonight')).toBeVisible();
    await other.close();
    for (const c of [newbie.context, mod.context]) await c.close();
  } finally {
    setSettings({ premoderation: 'off', suspect_words: '', banned_words: '' });
  }
});

test('a ban signs the user out at once; a moderator cannot ban a moderator; an admin makes a moderator', async ({ browser }) => {
  test.setTimeout(90_000);
  const victim = await signedIn(browser, 'victim');
  const mod = await signedIn(browser, 'banner', 'moderator');
  const otherMod = await signedIn(browser, 'othermod', 'moderator');
  await mod.page.goto(`/admin?q=${encodeURIComponent(victim.user.email)}`);
  const users = mod.page.getByRole('region', { name: 'Users' });
  const row = users.getByRole('listitem', { name: victim.user.name });
  await row.getByRole('button', { name: 'Ban' }).click();
  await row.getByRole('textbox', { name: 'Reason', exact: true }).fill('Spamming');
  await row.getByRole('button', { name: 'Ban' }).click();
  await expect(row.getByText(/Banned until .* — Spamming/)).toBeVisible();
  await expect(row.getByRole('button', { name: 'Unban' })).toBeVisible();
  await victim.page.goto('/');
  await expect(victim.page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();

  await mod.page.goto(`/admin?q=${encodeURIComponent(otherMod.user.email)}`);
  await expect(mod.page.getByRole('region', { name: 'Users' }).getByRole('listitem', { name: otherMod.user.name }).getByRole('button', { name: 'Ban' })).toHaveCount(0);

  const admin = await signedIn(browser, 'admin', 'admin');
  const promoted = await signedIn(browser, 'promoted');
  await admin.page.goto(`/admin?q=${encodeURIComponent(promoted.user.email)}`);
  const promotedRow = admin.page.getByRole('region', { name: 'Users' }).getByRole('listitem', { name: promoted.user.name });
  await promotedRow.getByRole('button', { name: 'Make moderator' }).click();
  await expect(promotedRow.getByRole('button', { name: 'Remove moderator' })).toBeVisible();
  // A role change ends the user's sessions: they log in again, as a moderator.
  await promoted.page.goto('/login?callbackUrl=%2Fadmin');
  await promoted.page.getByRole('textbox', { name: 'Email' }).fill(promoted.user.email);
  await promoted.page.getByLabel('Password', { exact: true }).fill(promoted.user.password);
  await promoted.page.getByRole('button', { name: 'Log in' }).click();
  await expect(promoted.page.getByRole('heading', { name: 'Reports', exact: true })).toBeVisible();
  for (const c of [victim.context, mod.context, otherMod.context, admin.context, promoted.context]) await c.close();
});

test('moderation actions posted directly by a non-moderator change nothing', async ({ browser }) => {
  const article = createArticle();
  const author = await signedIn(browser, 'target');
  await author.page.goto(article.path);
  await post(author.page, 'A perfectly fine comment');
  await expect(author.page.getByRole('article').filter({ hasText: 'A perfectly fine comment' })).toBeVisible();
  const commentId = withDb((db) => (db.prepare(`SELECT id FROM comments WHERE body = 'A perfectly fine comment'`).get() as { id: number }).id);

  // Take the Hide form from a moderator's page, then replay it with a reader's cookie.
  const mod = await signedIn(browser, 'formsource', 'moderator');
  await mod.page.goto('/admin');
  const card = mod.page.getByRole('region', { name: /^Recent/ }).getByRole('article').filter({ hasText: 'A perfectly fine comment' });
  await card.getByRole('button', { name: 'Hide' }).click();
  const form = card.locator('form').filter({ has: mod.page.getByRole('textbox', { name: 'Reason', exact: true }) });
  const hidden = await form.locator('input[type=hidden]').evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).value]));
  const multipart: Record<string, string> = { ...Object.fromEntries(hidden), reason: 'forged' };
  const origin = new URL(mod.page.url()).origin;
  const reader = await signedIn(browser, 'forger');
  const readerCookies = (await reader.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const attempts: Array<Record<string, string>> = [{ Cookie: readerCookies, Origin: origin }, { Origin: origin }, { Cookie: readerCookies, Origin: 'https://evil.example' }];
  for (const headers of attempts) {
    const response = await reader.context.request.post('/admin', { multipart, headers, maxRedirects: 0 });
    expect(response.status()).toBeLessThan(500);
  }
  expect(withDb((db) => (db.prepare('SELECT status FROM comments WHERE id = ?').get(commentId) as { status: string }).status)).toBe('visible');
  expect(withDb((db) => (db.prepare(`SELECT count(*) AS n FROM moderation_log WHERE reason = 'forged'`).get() as { n: number }).n)).toBe(0);
  for (const c of [author.context, mod.context, reader.context]) await c.close();
});
