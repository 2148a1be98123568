import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createArticle, withDb } from './support/db';
import { newUser, register } from './support/users';

async function signedIn(browser: Browser, prefix: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = newUser(prefix);
  await register(page, user);
  return { context, page, user };
}

async function post(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Comment' }).first().fill(text);
  await page.getByRole('button', { name: 'Post comment' }).first().click();
}

const commentCount = (page: Page) => page.locator('main dl').first().locator('dt', { hasText: 'Comments' }).locator('+ dd');

test('two readers: a new comment waits behind a button, edits and deletions apply live, votes and rating count', async ({ browser }) => {
  test.setTimeout(90_000);
  const article = createArticle();
  const a = await signedIn(browser, 'alice');
  const b = await signedIn(browser, 'bob');
  await a.page.goto(article.path);
  await b.page.goto(article.path);
  await b.page.waitForTimeout(500); // B's live stream is open

  await post(a.page, 'First thoughts on this article.');
  await expect(a.page.getByRole('article').filter({ hasText: 'First thoughts on this article.' })).toBeVisible();

  // B: nothing jumps in; a button and the sidebar's Update count appear within 2 s.
  const show = b.page.getByRole('button', { name: 'Show 1 new comment' });
  await expect(show).toBeVisible({ timeout: 2_000 });
  await expect(b.page.getByRole('complementary', { name: 'Discussion' }).getByRole('button', { name: /^Update \(\d+\)$/ })).toBeVisible({ timeout: 2_000 });
  await expect(b.page.getByText('First thoughts on this article.')).toHaveCount(0);
  await show.click();
  const bComment = b.page.getByRole('article').filter({ hasText: 'First thoughts on this article.' });
  await expect(bComment).toBeVisible();
  await expect(bComment.getByRole('link', { name: a.user.name })).toBeVisible();
  await expect(bComment.locator('time')).toBeVisible();
  await expect(commentCount(b.page)).toHaveText('1');

  // A edits within 15 minutes; B sees the edit without reloading.
  const aComment = a.page.getByRole('article').filter({ hasText: 'First thoughts on this article.' });
  await aComment.getByRole('button', { name: 'Edit' }).click();
  await a.page.getByRole('textbox', { name: 'Comment' }).nth(1).fill('First thoughts, corrected.');
  await a.page.getByRole('button', { name: 'Save' }).click();
  await expect(a.page.getByText('First thoughts, corrected.')).toBeVisible();
  await expect(b.page.getByText('First thoughts, corrected.')).toBeVisible({ timeout: 3_000 });
  await expect(b.page.getByRole('article').filter({ hasText: 'First thoughts, corrected.' }).getByText('(edited)')).toBeVisible();

  // B votes on A's comment; A sees the score change.
  const bEdited = b.page.getByRole('article').filter({ hasText: 'First thoughts, corrected.' });
  await bEdited.getByRole('button', { name: 'Vote up' }).click();
  await expect(bEdited.getByRole('button', { name: 'Vote up' })).toHaveAttribute('aria-pressed', 'true');
  await expect(a.page.getByRole('article').filter({ hasText: 'First thoughts, corrected.' }).getByText('+1')).toBeVisible({ timeout: 3_000 });
  await expect(aComment.getByRole('button', { name: 'Vote up' })).toHaveCount(0); // not on one's own

  // B rates the article; A's Rating counter follows.
  await b.page.getByRole('button', { name: 'Rate the article up' }).click();
  await expect(b.page.locator('main dl').first().locator('dt', { hasText: 'Rating' }).locator('+ dd')).toHaveText('+1');
  await expect(a.page.locator('main dl').first().locator('dt', { hasText: 'Rating' }).locator('+ dd')).toHaveText('+1', { timeout: 3_000 });

  // B reports once; the button then reads Reported, and the store has one report.
  await bEdited.getByRole('button', { name: 'Report' }).click();
  await b.page.getByRole('group', { name: 'Reason' }).getByLabel('Spam').check();
  await b.page.getByRole('textbox', { name: 'Details' }).fill('Looks like an advert.');
  await b.page.getByRole('button', { name: 'Send report' }).click();
  await expect(b.page.getByRole('article').filter({ hasText: 'First thoughts, corrected.' }).getByRole('button', { name: 'Reported' })).toBeVisible();
  expect(withDb((db) => (db.prepare(`SELECT count(*) AS n FROM reports r JOIN users u ON u.id = r.reporter_id WHERE u.email = ?`).get(b.user.email) as { n: number }).n)).toBe(1);

  // A deletes: B sees the placeholder.
  await a.page.getByRole('article').filter({ hasText: 'First thoughts, corrected.' }).getByRole('button', { name: 'Delete' }).click();
  await expect(b.page.getByText('This comment was deleted by its author.')).toBeVisible({ timeout: 3_000 });
  await expect(commentCount(a.page)).toHaveText('0', { timeout: 3_000 });
  for (const c of [a.context, b.context]) await c.close();
});

test('replies are threaded and numbered; posting twice quickly is refused', async ({ browser }) => {
  const article = createArticle();
  const a = await signedIn(browser, 'replier');
  await a.page.goto(article.path);
  await post(a.page, 'A top-level comment.');
  await expect(a.page.getByRole('article').filter({ hasText: 'A top-level comment.' })).toBeVisible();
  // The post is over when its form is empty again (the page re-reads itself after the redirect):
  // typing before that can be wiped by the re-render, and then nothing is sent.
  await expect(a.page.getByRole('textbox', { name: 'Comment' }).first()).toHaveValue('');
  await a.page.waitForLoadState('networkidle');
  await post(a.page, 'Straight after the first one.');
  await expect(a.page.getByRole('alert').filter({ hasText: /one comment every/ })).toBeVisible();
  await a.page.waitForTimeout(5_100);
  await post(a.page, 'A top-level comment.');
  await a.page.waitForTimeout(100);
  await expect(a.page.getByRole('alert').filter({ hasText: /same text/ })).toBeVisible();
  await a.page.getByRole('article').filter({ hasText: 'A top-level comment.' }).getByRole('button', { name: 'Reply' }).click();
  await a.page.getByRole('region', { name: 'Reply to №1' }).getByRole('textbox', { name: 'Comment' }).fill('A reply to the first.');
  await a.page.getByRole('region', { name: 'Reply to №1' }).getByRole('button', { name: 'Post comment' }).click();
  const reply = a.page.getByRole('article').filter({ hasText: 'A reply to the first.' });
  await expect(reply).toBeVisible();
  await expect(reply.getByRole('link', { name: '№2' })).toBeVisible();

  // The profile lists the user's comments, newest first.
  await reply.getByRole('link', { name: a.user.name }).click();
  await expect(a.page.getByRole('heading', { level: 1 })).toHaveText(a.user.name);
  const items = a.page.getByRole('main').getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('A reply to the first.');
  await expect(items.nth(1)).toContainText('A top-level comment.');
  await a.context.close();
});

test('a banned user reads but cannot post, by the form or by a direct POST', async ({ browser, request }) => {
  const article = createArticle();
  const a = await signedIn(browser, 'banned');
  await a.page.goto(article.path);
  // Capture the form as it was while allowed, to replay it directly afterwards.
  const form = a.page.locator('form').filter({ has: a.page.getByRole('textbox', { name: 'Comment' }) }).first();
  const hidden = await form.locator('input[type=hidden]').evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).value]));
  const cookies = (await a.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  withDb((db) => db.prepare('UPDATE users SET banned_until = ? WHERE email = ?').run(Date.now() + 3_600_000, a.user.email));
  await a.page.goto(article.path);
  await expect(a.page.getByRole('heading', { level: 1 })).toHaveText(article.title);
  await expect(a.page.getByRole('textbox', { name: 'Comment' })).toHaveCount(0);

  const multipart: Record<string, string> = Object.fromEntries(hidden);
  multipart.body = 'Posted while banned';
  const origin = new URL(a.page.url()).origin;
  const response = await request.post(article.path, { multipart, headers: { Cookie: cookies, Origin: origin } });
  expect(response.status()).toBeLessThan(500);
  const n = withDb((db) => (db.prepare(`SELECT count(*) AS n FROM comments WHERE body = 'Posted while banned'`).get() as { n: number }).n);
  expect(n).toBe(0);
  await a.context.close();
});

test('hostile text is shown as inert text; an oversized body is refused with 413', async ({ browser, request }) => {
  test.setTimeout(60_000);
  const article = createArticle();
  const a = await signedIn(browser, 'xss');
  await a.page.goto(article.path);
  const dialogs: string[] = [];
  a.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const payloads = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(2)>',
    '[click](javascript:alert(3)) javascript:alert(3) data:text/html,<script>alert(4)</script>',
    'before </script><script>alert(5)</script> after',
    '\u202Eevil\u202C RTL override',
    'x'.repeat(4990),
  ];
  for (const [i, text] of payloads.entries()) {
    if (i > 0) await a.page.waitForTimeout(5_100);
    await post(a.page, text);
    await expect(a.page.getByRole('article').filter({ hasText: text.slice(0, 40) }).first()).toBeVisible();
  }
  const links = await a.page.locator('main article a').evaluateAll((els) => els.map((e) => (e as HTMLAnchorElement).href));
  expect(links.filter((h) => /^(javascript|data):/i.test(h))).toEqual([]);
  expect(await a.page.locator('main img[src="x"]').count()).toBe(0);
  expect(dialogs).toEqual([]);

  const form = a.page.locator('form').filter({ has: a.page.getByRole('textbox', { name: 'Comment' }) }).first();
  const hidden = await form.locator('input[type=hidden]').evaluateAll((els) => els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).value]));
  const cookies = (await a.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const multipart: Record<string, string> = Object.fromEntries(hidden);
  multipart.body = 'y'.repeat(1024 * 1024);
  const response = await request.post(article.path, { multipart, headers: { Cookie: cookies, Origin: new URL(a.page.url()).origin } });
  expect([400, 413]).toContain(response.status());
  await a.context.close();
});

test('an article with 100 comments has no serious accessibility violations', async ({ page }) => {
  test.setTimeout(120_000);
  const article = createArticle();
  withDb((db) => {
    const thread = (db.prepare('SELECT id FROM threads WHERE article_id = ?').get(article.id) as { id: number }).id;
    const now = Date.now();
    const author = db.prepare(`INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES (?, 'Fixture author', '!', ?, ?)`).run(`fixture-${now}-${article.id}@example.test`, now, now).lastInsertRowid;
    const insert = db.prepare(`INSERT INTO comments (thread_id, number, parent_id, root_id, depth, author_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    db.transaction(() => {
      let lastRoot = 0;
      for (let n = 1; n <= 100; n++) {
        const isReply = n % 4 === 0 && lastRoot > 0;
        const info = insert.run(thread, n, isReply ? lastRoot : null, isReply ? lastRoot : 0, isReply ? 1 : 0, author, `Comment number ${n} with a link https://example.com/${n}`, now - (100 - n) * 1000);
        if (!isReply) {
          db.prepare('UPDATE comments SET root_id = id WHERE id = ?').run(info.lastInsertRowid);
          lastRoot = Number(info.lastInsertRowid);
        }
      }
      db.prepare('UPDATE threads SET comment_count = 100, next_number = 101, last_comment_at = ? WHERE id = ?').run(now, thread);
      db.prepare('UPDATE articles SET comment_count = 100 WHERE id = ?').run(article.id);
    })();
  });
  await page.goto(article.path);
  await expect(page.getByText('Comment number 3 with a link').first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Load more comments' })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});

test('a lively thread is paged by about 100 comments, replies with their comment; a new one lands where it shows, without JavaScript', async ({ browser }) => {
  test.setTimeout(90_000);
  const article = createArticle();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const user = newUser('pager');
  await register(page, user);
  // 30 top-level comments with 4 replies each (150 in all): page 1 holds the first 20 with their replies.
  const threadId = withDb((db) => {
    const thread = db.prepare('SELECT id FROM threads WHERE article_id = ?').pluck().get(article.id) as number;
    const author = db.prepare('SELECT id FROM users WHERE email = ?').pluck().get(user.email) as number;
    const insert = db.prepare(
      `INSERT INTO comments (thread_id, number, parent_id, root_id, depth, author_id, body, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'visible', ?)`,
    );
    db.transaction(() => {
      let number = db.prepare('SELECT next_number FROM threads WHERE id = ?').pluck().get(thread) as number;
      const t0 = Date.now() - 3_600_000;
      for (let r = 1; r <= 30; r++) {
        const root = Number(insert.run(thread, number++, null, 0, 0, author, `Top-level comment ${r}`, t0 + r * 1000).lastInsertRowid);
        db.prepare('UPDATE comments SET root_id = id WHERE id = ?').run(root);
        for (let k = 1; k <= 4; k++) insert.run(thread, number++, root, root, 1, author, `Reply ${k} to comment ${r}`, t0 + r * 1000 + k);
      }
      db.prepare('UPDATE threads SET next_number = ?, comment_count = comment_count + 150 WHERE id = ?').run(number, thread);
    }).immediate();
    return thread;
  });

  await page.goto(article.path);
  const pages = page.getByRole('navigation', { name: 'Pages of comments' });
  await expect(pages.getByText('Page 1 of 2')).toBeVisible();
  await expect(page.getByText('Top-level comment 20', { exact: true })).toBeVisible();
  await expect(page.getByText('Reply 4 to comment 20', { exact: true })).toBeVisible();
  await expect(page.getByText('Top-level comment 21', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Comments' }).getByRole('article')).toHaveCount(100);

  await pages.getByRole('link', { name: 'Load more comments' }).click();
  await expect(page).toHaveURL(new RegExp(`/threads/${threadId}/page/2$`));
  await expect(page.getByText('Top-level comment 21', { exact: true })).toBeVisible();
  await expect(page.getByText('Reply 4 to comment 30', { exact: true })).toBeVisible();
  await expect(page.getByText('Top-level comment 20', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Pages of comments' }).getByText('Page 2 of 2')).toBeVisible();
  expect((await page.request.get(`/threads/${threadId}/page/3`)).status()).toBe(404);

  // A new top-level comment from the article page goes after comment 30: the answer is page 2, at it.
  await page.getByRole('navigation', { name: 'Pages of comments' }).getByRole('link', { name: 'Earlier comments' }).click();
  await expect(page).toHaveURL(new RegExp(`${article.path}$`));
  await page.getByRole('textbox', { name: 'Comment' }).first().fill('The newest word on this.');
  await page.getByRole('button', { name: 'Post comment' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/threads/${threadId}/page/2#c\\d+$`));
  await expect(page.getByText('The newest word on this.', { exact: true })).toBeVisible();
  await context.close();
});
