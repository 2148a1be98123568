import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '@/db/open';
import { commentTimes, SPAN } from './activity';
import { MAX_DEPTH, MIN_READERS, readerCount, ThreadPlanner } from './comments';
import { generateCorpus, SYNTHETIC_PASSWORD_HASH, type CorpusOptions, type CorpusSummary } from './generate';
import { mulberry32 } from './random';

const ARTICLES = 500;
const COMMENTS = 5000;
// A fixed end of the corpus: with the clock in it, two runs could never be identical.
const NOW = Date.UTC(2025, 5, 1);
// A corpus takes a few hundred ms of CPU; the margin is for a busy machine (CI, parallel suites).
const SLOW = 30_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-corpus-'));
let n = 0;

interface CommentRow {
  id: number;
  thread_id: number;
  number: number;
  parent_id: number | null;
  root_id: number;
  depth: number;
  author_id: number;
  body: string;
  status: string;
  score: number;
  upvotes: number;
  downvotes: number;
  created_at: number;
  edited_at: number | null;
}

interface Generated {
  summary: CorpusSummary;
  dump: string;
  comments: CommentRow[];
  users: { id: number; email: string; name: string; password_hash: string; role: string; created_at: number }[];
  /** Rows of consistency queries that should come back empty. */
  broken: { counters: unknown[]; tree: unknown[]; foreignKeys: unknown[] };
  foreignKeysOn: number;
  articles: { id: number; slug: string; lang: string; title: string; comment_count: number; body: string; published_at: number; views: number }[];
  threads: { id: number; article_id: number | null; comment_count: number; last_comment_at: number | null; created_at: number; source_key: string | null }[];
  links: { article_id: number; n: number }[];
}

// Threads whose rows disagree with their counters: count, №1..n gapless, next_number, newest time.
const BROKEN_COUNTERS = `
  SELECT t.id, t.comment_count, c.n FROM threads t
    LEFT JOIN (SELECT thread_id, count(*) AS n, min(number) AS lo, max(number) AS hi, count(DISTINCT number) AS d,
                      max(created_at) AS last, sum(status = 'visible') AS visible
                 FROM comments GROUP BY thread_id) c ON c.thread_id = t.id
   WHERE coalesce(c.n, 0) != t.comment_count OR t.next_number != t.comment_count + 1
      OR (t.comment_count > 0 AND (c.lo != 1 OR c.hi != c.n OR c.d != c.n OR c.visible != c.n OR c.last != t.last_comment_at))
  UNION ALL
  SELECT a.id, a.comment_count, t.comment_count FROM articles a JOIN threads t ON t.article_id = a.id WHERE a.comment_count != t.comment_count`;

// Comments whose place in the tree is wrong: a top-level one is its own root at depth 0; a reply is
// in its parent's thread and root, one deeper, numbered and timed after it.
const BROKEN_TREE = `
  SELECT c.id FROM comments c LEFT JOIN comments p ON p.id = c.parent_id
   WHERE (c.parent_id IS NULL AND (c.root_id != c.id OR c.depth != 0))
      OR (c.parent_id IS NOT NULL AND (p.id IS NULL OR p.thread_id != c.thread_id OR c.root_id != p.root_id
          OR c.depth != p.depth + 1 OR c.number <= p.number OR c.created_at < p.created_at))`;

function generate(seed: number, articles = ARTICLES, comments = COMMENTS, extra: Partial<CorpusOptions> = {}): Generated {
  const db = openDb(path.join(dir, `corpus-${n++}.db`));
  try {
    const sqlite = db.$client;
    const summary = generateCorpus(sqlite, { articles, comments, seed, now: NOW, ...extra });
    const all = (sql: string) => sqlite.prepare(sql).all();
    const dump = JSON.stringify([
      all('SELECT * FROM articles ORDER BY id'),
      all('SELECT * FROM mentions ORDER BY id'),
      all('SELECT * FROM article_mentions ORDER BY article_id, mention_id'),
      all('SELECT * FROM threads ORDER BY id'),
      all('SELECT * FROM users ORDER BY id'),
      all('SELECT * FROM comments ORDER BY id'),
    ]);
    return {
      summary,
      dump,
      comments: all('SELECT * FROM comments ORDER BY id') as CommentRow[],
      users: all('SELECT id, email, name, password_hash, role, created_at FROM users ORDER BY id') as Generated['users'],
      broken: { counters: all(BROKEN_COUNTERS), tree: all(BROKEN_TREE), foreignKeys: all('PRAGMA foreign_key_check') },
      foreignKeysOn: sqlite.pragma('foreign_keys', { simple: true }) as number,
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
  }, SLOW);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generate(1).dump).toBe(a.dump);
    expect(generate(2).dump).not.toBe(a.dump);
  }, SLOW);

  it('writes the same store when a worker thread plans the text', () => {
    // Small batches (transactions do not change the content), so a dozen go through the hand-over
    // and the worker has to wait for the writer.
    expect(generate(1, ARTICLES, COMMENTS, { parallel: true, batchSize: 40 }).dump).toBe(a.dump);
  }, SLOW);

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

  it('writes every comment as a row: counters, numbers and tree agree', () => {
    expect(a.comments).toHaveLength(COMMENTS);
    expect(a.summary.comments).toBe(COMMENTS);
    expect(a.broken.counters).toEqual([]);
    expect(a.broken.tree).toEqual([]);
    // The load runs with foreign keys off; every reference must hold all the same, and the
    // connection gets its setting back.
    expect(a.broken.foreignKeys).toEqual([]);
    expect(a.foreignKeysOn).toBe(1);

    const replies = a.comments.filter((c) => c.parent_id !== null).length / COMMENTS;
    expect(replies).toBeGreaterThan(0.3);
    expect(replies).toBeLessThan(0.5);
    const depth = Math.max(...a.comments.map((c) => c.depth));
    expect(depth).toBe(a.summary.maxDepth);
    expect(depth).toBeGreaterThanOrEqual(3);
    expect(depth).toBeLessThanOrEqual(MAX_DEPTH);
    const biggest = a.threads.reduce((x, t) => (t.comment_count > x.comment_count ? t : x));
    expect(a.summary.biggestThread).toEqual({ id: biggest.id, comments: biggest.comment_count });

    const odd = a.comments.filter(
      (c) =>
        c.status !== 'visible' ||
        c.score !== c.upvotes - c.downvotes ||
        c.body.length === 0 ||
        c.body.length > 5000 ||
        c.body.trim() !== c.body ||
        // 1–4 paragraphs, and a link may stand as a paragraph of its own.
        c.body.split('\n\n').length > 5 ||
        (c.edited_at !== null && (c.edited_at <= c.created_at || c.edited_at > Math.min(NOW, c.created_at + 15 * 60_000))),
    );
    expect(odd).toEqual([]);
    expect(a.comments.some((c) => c.body.split('\n\n').length >= 4)).toBe(true);
    expect(a.comments.some((c) => c.edited_at !== null)).toBe(true);
    const links = a.comments.filter((c) => /https:\/\/\S+/.test(c.body)).length / COMMENTS;
    expect(links).toBeGreaterThan(0.02);
    expect(links).toBeLessThan(0.15);
    expect(a.comments.some((c) => c.upvotes > 0) && a.comments.some((c) => c.downvotes > 0)).toBe(true);
    expect(a.comments.filter((c) => c.upvotes === 0 && c.downvotes === 0).length / COMMENTS).toBeGreaterThan(0.4);
  });

  it('writes comments in the language of their article', () => {
    const lang = new Map(a.articles.map((x) => [x.id, x.lang]));
    const threadLang = new Map(a.threads.map((t) => [t.id, t.article_id === null ? null : lang.get(t.article_id)]));
    const ru = a.comments.filter((c) => threadLang.get(c.thread_id) === 'ru');
    const en = a.comments.filter((c) => threadLang.get(c.thread_id) === 'en');
    expect(ru.length).toBeGreaterThan(0);
    expect(en.length).toBeGreaterThan(ru.length);
    expect(ru.filter((c) => !/[а-яё]/i.test(c.body))).toEqual([]);
    expect(en.filter((c) => /[а-яё]/i.test(c.body))).toEqual([]);
  });

  it('creates a pool of synthetic readers who cannot log in, a few of them very active', () => {
    expect(a.users).toHaveLength(readerCount(COMMENTS));
    expect(readerCount(COMMENTS)).toBe(Math.max(MIN_READERS, COMMENTS / 200));
    expect(readerCount(1_000_000)).toBe(5000);
    expect(new Set(a.users.map((u) => u.name)).size).toBe(a.users.length);
    a.users.forEach((u, i) => {
      expect(u.email).toBe(`synthetic-${i + 1}@corpus.invalid`);
      expect(u.password_hash).toBe(SYNTHETIC_PASSWORD_HASH);
      expect(u.role).toBe('user');
      expect(u.name.length).toBeGreaterThan(0);
      expect([...u.name].length).toBeLessThanOrEqual(50);
    });
    const byAuthor = new Map<number, { count: number; first: number }>();
    for (const c of a.comments) {
      const seen = byAuthor.get(c.author_id) ?? { count: 0, first: Infinity };
      byAuthor.set(c.author_id, { count: seen.count + 1, first: Math.min(seen.first, c.created_at) });
    }
    const users = new Map(a.users.map((u) => [u.id, u]));
    // Every author is a reader of the pool, registered before their first comment.
    const unregistered = [...byAuthor].filter(([author, w]) => !(users.get(author)!.created_at <= w.first));
    expect(unregistered).toEqual([]);
    const counts = [...byAuthor.values()].map((w) => w.count).sort((x, y) => y - x);
    const median = counts[Math.floor(counts.length / 2)] ?? 0;
    expect(counts[0]).toBeGreaterThan(3 * median);
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
      // Comments and readers continue after the first run's: ids, numbers per thread, e-mails.
      expect(second.firstUserId).toBe(first.firstUserId + first.users);
      const all = (sql: string) => db.$client.prepare(sql).all();
      expect(all('SELECT count(*) AS n, count(DISTINCT email) AS e, (SELECT email FROM users ORDER BY id DESC LIMIT 1) AS last FROM users')).toEqual([
        { n: first.users + second.users, e: first.users + second.users, last: 'synthetic-100@corpus.invalid' },
      ]);
      expect(all('SELECT count(*) AS n FROM comments')).toEqual([{ n: 120 }]);
      expect(all(BROKEN_COUNTERS)).toEqual([]);
      expect(all(BROKEN_TREE)).toEqual([]);
      expect(all('PRAGMA foreign_key_check')).toEqual([]);
    } finally {
      db.$client.close();
    }
  }, SLOW);

  it('writes a quiet corpus without readers when there are no comments', () => {
    const quiet = generate(4, 30, 0);
    expect(quiet.summary).toMatchObject({ comments: 0, users: 0, threadsWithComments: 0, maxDepth: 0 });
    expect(quiet.comments).toEqual([]);
    expect(quiet.users).toEqual([]);
    expect(quiet.broken.counters).toEqual([]);
  });
});

describe('ThreadPlanner', () => {
  it('answers only earlier comments, within the depth limit, with roots that match', () => {
    const planner = new ThreadPlanner();
    for (const count of [1, 2, 10, 3000]) {
      planner.plan(mulberry32(count), count);
      const { parent, root, depth } = planner;
      expect(parent[0]).toBe(-1);
      const wrong: number[] = [];
      for (let k = 0; k < count; k++) {
        const p = parent[k]!;
        const ok = p < 0 ? root[k] === k && depth[k] === 0 : p < k && root[k] === root[p] && depth[k] === depth[p]! + 1;
        if (!ok || depth[k]! > MAX_DEPTH) wrong.push(k);
      }
      expect(wrong).toEqual([]);
    }
    // A hot thread reaches the limit.
    planner.plan(mulberry32(1), 20_000);
    expect(Math.max(...planner.depth.subarray(0, 20_000))).toBe(MAX_DEPTH);
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
