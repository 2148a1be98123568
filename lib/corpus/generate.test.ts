import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '@/db/open';
import { commentTimes, SPAN } from './activity';
import { generateCorpus, type CorpusSummary } from './generate';
import { mulberry32 } from './random';

const ARTICLES = 500;
const COMMENTS = 5000;
// A fixed end of the corpus: with the clock in it, two runs could never be identical.
const NOW = Date.UTC(2025, 5, 1);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-corpus-'));
let n = 0;

interface Generated {
  summary: CorpusSummary;
  dump: string;
  articles: { id: number; slug: string; lang: string; title: string; comment_count: number; body: string; published_at: number; views: number }[];
  threads: { id: number; article_id: number | null; comment_count: number; last_comment_at: number | null; created_at: number; source_key: string | null }[];
  links: { article_id: number; n: number }[];
}

function generate(seed: number, articles = ARTICLES, comments = COMMENTS): Generated {
  const db = openDb(path.join(dir, `corpus-${n++}.db`));
  try {
    const sqlite = db.$client;
    const summary = generateCorpus(sqlite, { articles, comments, seed, now: NOW });
    const all = (sql: string) => sqlite.prepare(sql).all();
    const dump = JSON.stringify([
      all('SELECT * FROM articles ORDER BY id'),
      all('SELECT * FROM mentions ORDER BY id'),
      all('SELECT * FROM article_mentions ORDER BY article_id, mention_id'),
      all('SELECT * FROM threads ORDER BY id'),
    ]);
    return {
      summary,
      dump,
      articles: all('SELECT id, slug, lang, title, comment_count, body, published_at, views FROM articles ORDER BY id') as Generated['articles'],
      threads: all('SELECT id, article_id, comment_count, last_comment_at, created_at, source_key FROM threads ORDER BY id') as Generated['threads'],
      links: all('SELECT article_id, count(*) AS n FROM article_mentions GROUP BY article_id') as Generated['links'],
    };
  } finally {
    db.$client.close();
  }
}

describe('generateCorpus', () => {
  let a: Generated;
  beforeAll(() => {
    a = generate(1);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generate(1).dump).toBe(a.dump);
    expect(generate(2).dump).not.toBe(a.dump);
  });

  it('writes the requested counts', () => {
    expect(a.articles).toHaveLength(ARTICLES);
    expect(a.threads).toHaveLength(ARTICLES + Math.ceil(ARTICLES / 10));
    expect(a.threads.filter((t) => t.article_id === null)).toHaveLength(a.summary.forumThreads);
    expect(a.links).toHaveLength(ARTICLES);
    for (const l of a.links) {
      expect(l.n).toBeGreaterThanOrEqual(3);
      expect(l.n).toBeLessThanOrEqual(10);
    }
    for (const article of a.articles) {
      const body = JSON.parse(article.body) as string[];
      expect(body.length).toBeGreaterThanOrEqual(5);
      expect(body.length).toBeLessThanOrEqual(40);
    }
  });

  it('keeps the comment counters consistent', () => {
    expect(a.threads.reduce((s, t) => s + t.comment_count, 0)).toBe(COMMENTS);
    const byArticle = new Map(a.threads.filter((t) => t.article_id !== null).map((t) => [t.article_id, t]));
    for (const article of a.articles) {
      const thread = byArticle.get(article.id);
      expect(thread?.comment_count).toBe(article.comment_count);
      expect(thread?.created_at).toBe(article.published_at);
    }
    for (const t of a.threads) {
      if (t.comment_count === 0) expect(t.last_comment_at).toBeNull();
      else {
        expect(t.last_comment_at).not.toBeNull();
        expect(t.last_comment_at).toBeGreaterThanOrEqual(t.created_at);
        expect(t.last_comment_at).toBeLessThanOrEqual(NOW);
      }
    }
  });

  it('has a long tail: a few hot threads, many quiet ones', () => {
    const counts = a.threads.map((t) => t.comment_count).sort((x, y) => y - x);
    const top = counts.slice(0, Math.ceil(counts.length / 100)).reduce((s, c) => s + c, 0);
    // Uniform would give the top 1% about 1%.
    expect(top / COMMENTS).toBeGreaterThan(0.12);
    expect(counts.filter((c) => c === 0).length / counts.length).toBeGreaterThan(0.3);
    const views = a.articles.map((x) => x.views).sort((x, y) => x - y);
    const median = views[Math.floor(views.length / 2)] ?? 0;
    expect(views.at(-1) ?? 0).toBeGreaterThan(10 * median);
  });

  it('spreads publication over ~3 years, newest id newest', () => {
    for (let i = 1; i < a.articles.length; i++) {
      expect(a.articles[i]!.published_at).toBeGreaterThan(a.articles[i - 1]!.published_at);
    }
    expect(a.articles[0]!.published_at).toBeGreaterThanOrEqual(NOW - SPAN);
    expect(a.articles.at(-1)!.published_at).toBeLessThanOrEqual(NOW);
    expect(a.articles.at(-1)!.published_at - a.articles[0]!.published_at).toBeGreaterThan(0.9 * SPAN);
  });

  it('mixes in Russian articles with transliterated slugs', () => {
    const ru = a.articles.filter((x) => x.lang === 'ru');
    expect(ru.length / ARTICLES).toBeGreaterThan(0.1);
    expect(ru.length / ARTICLES).toBeLessThan(0.3);
    for (const article of ru) {
      expect(article.title).toMatch(/[а-яё]/i);
      // Cyrillic in, Latin out: "Почему Минск…" → "pochemu-minsk-…".
      expect(article.slug).toMatch(/[a-z]{3}/);
    }
    // toSlug keeps RFC 3986 unreserved punctuation (". _ ~"), so that is what ASCII-safe means here.
    for (const article of a.articles) expect(article.slug).toMatch(/^[a-z0-9._~-]+$/);
  });

  it('appends after existing rows and reuses the mention pool', () => {
    const file = path.join(dir, 'append.db');
    const db = openDb(file);
    try {
      const first = generateCorpus(db.$client, { articles: 20, comments: 50, seed: 1, now: NOW });
      const second = generateCorpus(db.$client, { articles: 30, comments: 70, seed: 3, now: NOW });
      expect(second.firstArticleId).toBe(first.lastArticleId + 1);
      expect(second.mentionsCreated).toBe(0);
      const sum = db.$client.prepare('SELECT sum(comment_count) AS c, count(*) AS t FROM threads').get() as { c: number; t: number };
      expect(sum).toEqual({ c: 120, t: first.threads + second.threads });
    } finally {
      db.$client.close();
    }
  });
});

describe('commentTimes', () => {
  it('fits a thread’s counters: count times, oldest first, the newest at last_comment_at', () => {
    const times = commentTimes(mulberry32(7), 1_000, 50_000, 25);
    expect(times).toHaveLength(25);
    expect(times.at(-1)).toBe(50_000);
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(1_000);
  });
});
