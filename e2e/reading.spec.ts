import { expect, test } from '@playwright/test';
import { ARTICLE_TITLE, seedCapture } from './support/capture';

const capture = seedCapture();

test('Update refreshes the Discussion in place, and is a reloading link without JavaScript', async ({ page, browser }) => {
  await page.goto('/');
  const sidebar = page.getByRole('complementary', { name: 'Discussion' });
  const update = sidebar.getByRole('button', { name: 'Update' });
  await expect(update).toBeVisible();
  const reloads: string[] = [];
  page.on('framenavigated', (frame) => reloads.push(frame.url()));
  await update.click();
  await expect(sidebar.getByRole('status')).toHaveText('The discussion is up to date.');
  await expect(sidebar.getByRole('listitem')).toHaveCount(15);
  expect(reloads).toEqual([]);

  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto('/');
  const link = plain.getByRole('complementary', { name: 'Discussion' }).getByRole('link', { name: 'Update' });
  await link.click();
  await expect(plain).toHaveURL(/\/$/);
  await expect(plain.getByRole('complementary', { name: 'Discussion' }).getByRole('listitem')).toHaveCount(15);
  await noJs.close();
});

test('the language switch turns every UI text Russian and back, and is remembered', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: ARTICLE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE_TITLE);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Русский' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page).toHaveURL(/\/news\/\d+-/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE_TITLE); // article text as authored
  await expect(page.getByRole('heading', { name: 'Упоминаемые в новости' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Обсуждение' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Войти' }).first()).toBeVisible();
  await expect(page.locator('main dl').first().locator('dt').first()).toHaveText('Просмотры');

  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Последние новости');

  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Latest news');
});

test('a mention page lists the articles that mention it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: ARTICLE_TITLE }).click();
  await page.getByRole('link', { name: 'Vladimir Putin' }).click();
  await expect(page).toHaveURL(/\/mentions\/vladimir-putin$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('News that mentions Vladimir Putin');
  await expect(page.getByRole('link', { name: ARTICLE_TITLE })).toBeVisible();
});

test('a thread page shows the captured thread and says its comments are not in the archive', async ({ page }) => {
  const entry = capture.sidebar[3]!;
  await page.goto('/');
  await page.getByRole('complementary', { name: 'Discussion' }).getByRole('link', { name: entry.title }).click();
  await expect(page).toHaveURL(/\/threads\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(entry.title);
  const main = page.getByRole('main');
  await expect(main.locator('time')).toHaveText(entry.time);
  await expect(main.locator('dd').last()).toHaveText(entry.count);
  await expect(main.getByText(/comments themselves are not in the archive/)).toBeVisible();
});

test('unknown addresses get a 404 page, with or without JavaScript; an outdated slug is corrected', async ({ page, browser }) => {
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  for (const url of ['/no-such-page', '/news/999999-nothing', '/news/abc', '/threads/999999', '/mentions/nobody-at-all', '/page/9999']) {
    for (const reader of [page, plain]) {
      const response = await reader.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(reader.getByRole('heading', { name: 'Page not found' })).toBeVisible();
      await expect(reader.getByText('Страница не найдена', { exact: false })).toBeVisible();
      await expect(reader.getByRole('link', { name: 'Go to the front page' })).toBeVisible();
    }
  }
  await expect(plain.locator('html')).toHaveAttribute('lang', 'en');
  await noJs.close();
  await page.goto('/');
  const href = await page.getByRole('link', { name: ARTICLE_TITLE }).getAttribute('href');
  const id = /\/news\/(\d+)-/.exec(href!)![1];
  await page.goto(`/news/${id}-old-title`);
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE_TITLE);
});

test('the site reads without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('link', { name: ARTICLE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE_TITLE);
  await expect(page.getByText(capture.body.at(-1)!, { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Русский' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await context.close();
});
