import { expect, test, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { ARTICLE_TITLE } from './support/capture';
import { withDb } from './support/db';

// Search, feeds, sitemap and the tags link previews and search engines read.

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asArray = <T,>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

let counter = 0;

/** An article written straight into the store, as any other writer would: the index must pick it up. */
function insertArticle(fields: { title: string; body: string[]; lang?: 'en' | 'ru'; summary?: string; publishedAt?: number }): { id: number; path: string } {
  const slug = `fixture-${Date.now()}-${process.pid}-${++counter}`;
  return withDb((db) => {
    const now = Date.now();
    const info = db
      .prepare(
        `INSERT INTO articles (slug, lang, title, summary, body, source_key, source_hash, published_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'fixture', ?, ?)`,
      )
      .run(slug, fields.lang ?? 'en', fields.title, fields.summary ?? null, JSON.stringify(fields.body), `fixture:${slug}`, fields.publishedAt ?? Date.UTC(2001, 0, 1), now);
    const id = Number(info.lastInsertRowid);
    db.prepare('INSERT INTO threads (article_id, title) VALUES (?, ?)').run(id, fields.title);
    return { id, path: `/news/${id}-${slug}` };
  });
}

async function search(page: Page, label: string, words: string) {
  const box = page.getByRole('search', { name: label }).getByRole('searchbox', { name: label });
  await box.fill(words);
  await box.press('Enter');
  await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === words);
}

test('the header search finds an article by a word in its body, with the word marked', async ({ page, browser }) => {
  await page.goto('/');
  await search(page, 'Search', 'Lukashenko');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Search results for “Lukashenko”');
  const result = main.getByRole('article').filter({ has: page.getByRole('link', { name: ARTICLE_TITLE }) });
  await expect(result).toBeVisible();
  await expect(result.locator('mark').first()).toHaveText('Lukashenko');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('Lukashenko');

  // Word forms: "visits" finds the title's "visit", marked.
  await search(page, 'Search', 'visits');
  await expect(main.getByRole('link', { name: ARTICLE_TITLE }).locator('mark')).toHaveText('visit');

  // Without JavaScript the header search is an ordinary form.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  await plain.goto('/');
  await search(plain, 'Search', 'Lukashenko');
  await expect(plain.getByRole('main').getByRole('link', { name: ARTICLE_TITLE })).toBeVisible();
  await noJs.close();
});

/** A word no other article has, in Cyrillic letters. */
const russianWord = () => `кз${Date.now().toString(32).split('').map((c) => 'абвгдежзиклмнопрстуфхцчшщыэюяьъй'[parseInt(c, 32)]).join('')}${++counter}`;

test('a Russian article written straight into the store is found by another form of its words', async ({ page, context, baseURL }) => {
  const unique = russianWord();
  const titleOnly = russianWord();
  const title = `Учения в Минске: ${unique} ${titleOnly}`;
  const article = insertArticle({ lang: 'ru', title, summary: 'Итоги учений.', body: ['Военные учения под Минском завершились.', `Слово ${unique} стоит здесь.`] });

  await context.addCookies([{ name: 'lang', value: 'ru', url: baseURL! }]);
  await page.goto('/');
  await search(page, 'Поиск', `Минск ${unique}`);
  const main = page.getByRole('main');
  const link = main.getByRole('link', { name: title });
  await expect(link).toHaveAttribute('href', article.path);
  await expect(link.locator('mark').first()).toHaveText('Минске');
  // The snippet marks the body's "Минском" as well.
  await expect(main.getByRole('article').filter({ has: page.getByRole('link', { name: title }) }).locator('p mark').filter({ hasText: 'Минском' })).toBeVisible();

  // An edit made straight in the store reaches the index too, and so does a deletion.
  withDb((db) => db.prepare('UPDATE articles SET title = ? WHERE id = ?').run(`Манёвры завершены: ${unique}`, article.id));
  await page.goto(`/search?q=${encodeURIComponent(`манёвры ${unique}`)}`);
  await expect(main.getByRole('link', { name: `Манёвры завершены: ${unique}` })).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent(titleOnly)}`);
  await expect(main.getByText('Ничего не найдено.')).toBeVisible();
  withDb((db) => {
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM articles WHERE id = ?').run(article.id);
  });
  await page.goto(`/search?q=${encodeURIComponent(unique)}`);
  await expect(main.getByText('Ничего не найдено.')).toBeVisible();
});

test('results come 20 to a page, best first, with a phrase search in quotes', async ({ page }) => {
  const word = `zqx${Date.now().toString(36).replace(/\d/g, '')}`;
  const titled = insertArticle({ title: `Frigate ${word} sails`, body: ['Nothing more.'] });
  for (let i = 0; i < 22; i++) insertArticle({ title: `Routine report ${i}`, body: [`The ${word} was seen again, number ${i}.`] });

  await page.goto(`/search?q=${word}`);
  const main = page.getByRole('main');
  await expect(main.getByText('23 articles found')).toBeVisible();
  const links = main.getByRole('article').getByRole('link');
  await expect(links).toHaveCount(20);
  await expect(links.first()).toHaveAttribute('href', titled.path);
  await main.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: /Older/ }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}&page=2$`));
  await expect(main.getByRole('article').getByRole('link')).toHaveCount(3);

  await page.goto(`/search?q=${encodeURIComponent(`"${word} sails"`)}`);
  await expect(main.getByRole('article').getByRole('link')).toHaveCount(1);
  await page.goto(`/search?q=${encodeURIComponent(`"sails ${word}"`)}`);
  await expect(main.getByRole('article')).toHaveCount(0);
});

test('any input gives a page, never a server error or SQL text', async ({ request }) => {
  const inputs = ['"', '""', '*', 'NEAR(', 'NEAR(a b, 2)', "'; DROP TABLE articles; --", 'x'.repeat(10_000), '', 'a OR b', 'title:x', '^x', '«', '\u0000', '%', '<script>alert(1)</script>'];
  for (const q of inputs) {
    const response = await request.get(`/search?q=${encodeURIComponent(q)}`);
    expect(response.status(), q.slice(0, 20)).toBeLessThan(500);
    const body = await response.text();
    expect(body).not.toMatch(/SQLITE|syntax error|fts5:/i);
    expect(body).not.toContain('<script>alert(1)</script>');
  }
  for (const extra of ['&page=0', '&page=-1', '&page=abc', '&page=99999999', '&q=second']) {
    expect((await request.get(`/search?q=minsk${extra}`)).status()).toBeLessThan(500);
  }
  expect((await request.get('/search')).status()).toBe(200);
});

test('feed readers see the latest articles in RSS and Atom, and per mention', async ({ request, baseURL }) => {
  const rss = await request.get('/rss.xml');
  expect(rss.status()).toBe(200);
  expect(rss.headers()['content-type']).toContain('application/rss+xml');
  const channel = xml.parse(await rss.text()).rss.channel;
  const items = asArray(channel.item) as { title: string; link: string; pubDate: string; description?: string }[];
  expect(items.length).toBeGreaterThan(0);
  expect(items.length).toBeLessThanOrEqual(50);
  const seeded = items.find((i) => i.title === ARTICLE_TITLE);
  expect(seeded, 'the seeded article is in the feed').toBeDefined();
  expect(seeded!.link).toMatch(new RegExp(`^${baseURL}/news/\\d+-`));
  expect(Number.isNaN(Date.parse(seeded!.pubDate))).toBe(false);
  expect(seeded!.description).toBeTruthy();

  const atom = xml.parse(await (await request.get('/atom.xml')).text()).feed;
  const entry = (asArray(atom.entry) as { title: string | { '#text': string }; link: { '@href': string } }[]).find(
    (e) => (typeof e.title === 'string' ? e.title : e.title['#text']) === ARTICLE_TITLE,
  );
  expect(entry?.link['@href']).toBe(seeded!.link);

  const perMention = await request.get('/mentions/vladimir-putin/rss.xml');
  expect(perMention.status()).toBe(200);
  const mentionItems = asArray(xml.parse(await perMention.text()).rss.channel.item) as { title: string }[];
  expect(mentionItems.map((i) => i.title)).toContain(ARTICLE_TITLE);
  expect((await request.get('/mentions/nobody-at-all/rss.xml')).status()).toBe(404);
});

test('the sitemap lists the article and robots.txt keeps private areas out', async ({ request, page, baseURL }) => {
  await page.goto('/');
  const href = await page.getByRole('link', { name: ARTICLE_TITLE }).first().getAttribute('href');
  const sitemap = xml.parse(await (await request.get('/sitemap.xml')).text());
  let locs = (asArray(sitemap.urlset?.url) as { loc: string }[]).map((u) => u.loc);
  for (const part of asArray(sitemap.sitemapindex?.sitemap) as { loc: string }[]) {
    const child = xml.parse(await (await request.get(new URL(part.loc).pathname)).text());
    locs = locs.concat((asArray(child.urlset.url) as { loc: string }[]).map((u) => u.loc));
  }
  expect(locs).toContain(`${baseURL}${href}`);

  const robots = await (await request.get('/robots.txt')).text();
  for (const path of ['/admin', '/account', '/api']) expect(robots).toMatch(new RegExp(`^Disallow: ${path}$`, 'm'));
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

test('an article page carries its title, canonical URL, Open Graph tags and valid NewsArticle JSON-LD', async ({ page, baseURL }) => {
  await page.goto('/');
  await page.getByRole('link', { name: ARTICLE_TITLE }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE_TITLE);
  const url = page.url();
  await expect(page).toHaveTitle(`${ARTICLE_TITLE} — Courier`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', url);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', ARTICLE_TITLE);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', url);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.+/);
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute('href', `${baseURL}/rss.xml`);

  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(data['@context']).toBe('https://schema.org');
  expect(data['@type']).toBe('NewsArticle');
  expect(data.headline).toBe(ARTICLE_TITLE);
  expect(data.url).toBe(url);
  expect(Number.isNaN(Date.parse(data.datePublished))).toBe(false);
  expect(data.author?.name).toBeTruthy();
});

test('no article text can close the JSON-LD script', async ({ page }) => {
  const title = `Breaking </script><script>window.__pwned = 1</script> ${Date.now()}`;
  const article = insertArticle({ title, body: ['A paragraph with </SCRIPT> in it.'], summary: '<!-- </script> -->' });
  const dialogs: string[] = [];
  page.on('dialog', (d) => dialogs.push(d.message()));
  await page.goto(article.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(data.headline).toBe(title);
  expect(data.description).toBe('<!-- </script> -->');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
