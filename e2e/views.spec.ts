import { expect, test } from '@playwright/test';
import { articleViews, createArticle } from './support/db';

test('a view is counted once per browser per day, off the page render', async ({ browser }) => {
  const article = createArticle();
  const context = await browser.newContext();
  const page = await context.newPage();
  const counted = page.waitForResponse((r) => r.url().includes(`/api/views/${article.id}`));
  await page.goto(article.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title);
  expect((await counted).status()).toBe(204);
  await expect.poll(() => articleViews(article.id), { timeout: 5_000 }).toBe(1);

  // The same browser again, the same day: no second count.
  const again = page.waitForResponse((r) => r.url().includes(`/api/views/${article.id}`));
  await page.reload();
  await again;
  await page.waitForTimeout(800);
  expect(articleViews(article.id)).toBe(1);

  // Another browser counts; so does a reader without JavaScript (through the pixel).
  for (const javaScriptEnabled of [true, false]) {
    const other = await browser.newContext({ javaScriptEnabled });
    const otherPage = await other.newPage();
    const before = articleViews(article.id);
    const seen = otherPage.waitForResponse((r) => r.url().includes(`/api/views/${article.id}`));
    await otherPage.goto(article.path);
    await seen;
    await expect.poll(() => articleViews(article.id), { timeout: 5_000 }).toBe(before + 1);
    await other.close();
  }
  await context.close();
});

test('a cross-site request cannot count a view, and a bad id is a 404', async ({ request }) => {
  const article = createArticle();
  const response = await request.post(`/api/views/${article.id}`, { headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } });
  expect(response.status()).toBe(403);
  expect((await response.json()).error).toMatch(/Cross-site/);
  const bad = await request.post('/api/views/not-a-number', { headers: { 'Sec-Fetch-Site': 'same-origin' } });
  expect(bad.status()).toBe(404);
  await new Promise((r) => setTimeout(r, 500));
  expect(articleViews(article.id)).toBe(0);
});
