import { expect, test } from '@playwright/test';
import { ARTICLE_TITLE, seedCapture } from './support/capture';

// Runs before every other spec (see playwright.config.ts): the store is exactly as seeded.
const capture = seedCapture();

test('the home page lists the seeded article with its counters and summary', async ({ page }) => {
  await page.goto('/');
  const item = page.getByRole('article').filter({ has: page.getByRole('link', { name: ARTICLE_TITLE }) });
  await expect(item).toBeVisible();
  await expect(item.getByText(/^Putin's decision to visit Minsk proves/)).toBeVisible();
  await expect(item.locator('dt', { hasText: 'Views' })).toBeVisible();
});

test('the article page shows every piece of the capture, in order', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: ARTICLE_TITLE }).click();
  await expect(page).toHaveURL(/\/news\/\d+-kiev-is-seriously-concerned-about-putin-s-visit-to-minsk$/);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE_TITLE);
  const counters = page.locator('main dl').first();
  for (const [term, value] of [['Views', '1095'], ['Comments', '0'], ['Rating', '0']]) {
    await expect(counters.locator('dt', { hasText: term }).locator('+ dd')).toHaveText(value!);
  }
  await expect(page.getByText('Image source: © РИА Новости Павел Бедняков', { exact: true })).toBeVisible();

  // Outlet and original headline, apart from the summary they ran into in the capture.
  const headline = page.getByText('Advance: Putin has decided to take a central role in the events surrounding the conflict in Ukraine', { exact: true });
  await expect(headline).toBeVisible();
  const summary = page.getByText(/^Putin's decision to visit Minsk proves .* the author of Advance believes\.$/);
  await expect(summary).toBeVisible();

  await expect(page.locator('blockquote')).toHaveText("He used to stay away, but now he's coming forward. His meeting with Lukashenka worries Kiev very much.");

  // Byline apart from the first paragraph.
  await expect(page.getByText(/^(Author: )?D\. Marjanovich \(D\. Marjanovich\)$/)).toBeVisible();

  const article = page.getByRole('article').first();
  const paragraphs = article.locator('p');
  const texts = (await paragraphs.allTextContents()).map((t) => t.trim());
  const bodyStart = texts.indexOf(capture.body[0]!);
  expect(bodyStart).toBeGreaterThan(-1);
  expect(texts.slice(bodyStart, bodyStart + capture.body.length)).toEqual(capture.body);
  expect(capture.body.length).toBeGreaterThan(20);

  // The order of the pieces is the capture's.
  const order = [headline, summary, page.locator('blockquote'), page.getByText(capture.body[0]!, { exact: true })];
  let previous = -1;
  for (const locator of order) {
    const box = await locator.boundingBox();
    expect(box!.y).toBeGreaterThan(previous);
    previous = box!.y;
  }

  for (const line of capture.rightsBlock) await expect(page.getByText(line, { exact: true })).toBeVisible();

  await expect(page.getByRole('heading', { name: 'The news mentions' })).toBeVisible();
  const mentions = page.getByRole('heading', { name: 'The news mentions' }).locator('xpath=..').getByRole('listitem');
  expect(await mentions.count()).toBeGreaterThan(0);
  await expect(page.getByRole('link', { name: 'Vladimir Putin' })).toBeVisible();

  await expect(page.getByRole('heading', { name: 'Comments', exact: true })).toBeVisible();
  const prompt = page.locator('p', { hasText: 'Do you want to leave a comment?' });
  await expect(prompt).toHaveText('Do you want to leave a comment? Register and/or Log in');
  await expect(prompt.getByRole('link', { name: 'Register' })).toBeVisible();
  await expect(prompt.getByRole('link', { name: 'Log in' })).toBeVisible();
});

for (const where of ['home', 'article'] as const) {
  test(`the Discussion sidebar on the ${where} page shows the 15 captured threads as captured`, async ({ page }) => {
    await page.goto('/');
    if (where === 'article') {
      await page.getByRole('link', { name: ARTICLE_TITLE }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE_TITLE);
    }
    const sidebar = page.getByRole('complementary', { name: 'Discussion' });
    await expect(sidebar.getByRole('heading', { name: 'Discussion' })).toBeVisible();
    await expect(sidebar.getByRole('button', { name: 'Update' }).or(sidebar.getByRole('link', { name: 'Update' }))).toBeVisible();
    const items = sidebar.getByRole('listitem');
    await expect(items).toHaveCount(15);
    expect(capture.sidebar).toHaveLength(15);
    for (const [i, entry] of capture.sidebar.entries()) {
      const item = items.nth(i);
      await expect(item.locator('time')).toHaveText(entry.time);
      await expect(item.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
      await expect(item).toContainText(entry.count);
      await expect(item.getByRole('link')).toHaveText(entry.title);
    }
  });
}
