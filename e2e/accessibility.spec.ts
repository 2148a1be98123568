import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ARTICLE_TITLE } from './support/capture';
import { createArticle, withDb } from './support/db';
import { newUser, register } from './support/users';

/** Every axe violation, whatever its impact (minor and moderate included). */
async function violations(page: Page) {
  await page.waitForLoadState('load');
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

// Every page type a reader can reach without an account. The article, its thread and a mention are
// reached by links, as a reader would.
const anonymousPages: Array<[string, string, number?]> = [
  ['home', '/'],
  ['search results', '/search?q=Putin'],
  ['log-in', '/login'],
  ['register', '/register'],
  ['moderation log', '/moderation'],
  ['newsletter status', '/newsletter/confirmed'],
  ['404', '/news/999999999-no-such-article', 404],
];

for (const [name, path, status] of anonymousPages) {
  test(`the ${name} page has no accessibility violations`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(status ?? 200);
    expect(await violations(page)).toEqual([]);
  });
}

test('the article, thread and mention pages have no accessibility violations', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: ARTICLE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE_TITLE);
  expect(await violations(page)).toEqual([]);
  const article = page.url();

  await page.locator('a[href^="/mentions/"]').first().click();
  await expect(page).toHaveURL(/\/mentions\//);
  expect(await violations(page)).toEqual([]);

  await page.goto(article);
  await page.getByRole('complementary', { name: 'Discussion' }).getByRole('link').last().click();
  await expect(page).toHaveURL(/\/threads\/\d+$/);
  expect(await violations(page)).toEqual([]);
});

test('signed-in pages (article with a comment, thread, profile, account, admin) have no accessibility violations', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const user = newUser('a11y');
  await register(page, user);
  const fixture = createArticle();

  // A comment of the reader's, so the pages carry comment markup.
  await page.goto(fixture.path);
  await page.getByRole('textbox', { name: 'Comment' }).first().fill('A comment for the accessibility check: https://example.org/');
  await page.getByRole('button', { name: 'Post comment' }).first().click();
  const comment = page.getByRole('article').filter({ hasText: 'A comment for the accessibility check' });
  await expect(comment).toBeVisible();
  expect(await violations(page), 'article, signed in').toEqual([]);

  const threadId = withDb((db) => (db.prepare('SELECT id FROM threads WHERE article_id = ?').get(fixture.id) as { id: number }).id);
  await page.goto(`/threads/${threadId}`);
  expect(await violations(page), 'thread').toEqual([]);

  await page.getByRole('article').filter({ hasText: 'A comment for the accessibility check' }).getByRole('link', { name: user.name }).click();
  await expect(page).toHaveURL(/\/users\/\d+$/);
  expect(await violations(page), 'profile').toEqual([]);

  await page.goto('/account');
  expect(await violations(page), 'account').toEqual([]);

  withDb((db) => db.prepare("UPDATE users SET role = 'admin' WHERE email = ?").run(user.email));
  await page.goto('/admin');
  await expect(page.getByRole('heading', { name: 'Reports' })).toBeVisible();
  expect(await violations(page), 'admin').toEqual([]);

  // The same article page as an anonymous reader gets it, now with a comment.
  const anonymous = await browser.newContext();
  const plain = await anonymous.newPage();
  await plain.goto(fixture.path);
  await expect(plain.getByText('A comment for the accessibility check')).toBeVisible();
  expect(await violations(plain), 'article with a comment, anonymous').toEqual([]);
  await anonymous.close();
  await context.close();
});

test('the article page can be used from the keyboard with a visible focus', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});
