/**
 * Writes a synthetic corpus (articles, mentions, threads, readers and their comments) into a store.
 * Deterministic for (seed, articles, comments, now) given the same starting store: ids continue
 * from whatever is already there, the content does not depend on it (nor on `parallel`).
 */
import type Database from 'better-sqlite3';
import { toSlug } from '../slug';
import { DAY } from './activity';
import { batchRanges, CorpusPlan, type PlannedArticle, type PlannedBatch } from './plan';
import { deriveSeed, mulberry32 } from './random';
import { mentionPool } from './vocabulary';
import { plannerThread, type BatchSource } from './worker';

export { buildArticle, type ArticleRowValues } from './plan';

export interface CorpusOptions {
  articles: number;
  comments: number;
  seed: number;
  /** Epoch ms the corpus ends at: the newest article and comment are no later than this. */
  now: number;
  /** Threads without an article; defaults to one per ten articles. */
  forumThreads?: number;
  /** Threads per transaction. */
  batchSize?: number;
  /**
   * Plan the text on a worker thread while this one writes: about half the work, off the writer's
   * core. The output is the same either way. Needs a TypeScript loader (tsx) for the worker.
   */
  parallel?: boolean;
  onProgress?: (articlesDone: number, articlesTotal: number) => void;
}

export interface CorpusSummary {
  articles: number;
  russianArticles: number;
  firstArticleId: number;
  lastArticleId: number;
  mentionsInPool: number;
  mentionsCreated: number;
  articleMentions: number;
  threads: number;
  forumThreads: number;
  threadsWithComments: number;
  comments: number;
  /** Synthetic readers created to write the comments. */
  users: number;
  firstUserId: number;
  biggestThread: { id: number; comments: number };
  /** Deepest reply nesting written (0: every comment top-level). */
  maxDepth: number;
}

const STREAM_READER_DATES = 8;
const SOURCE_HASH = 'synthetic';

/** Synthetic readers cannot log in: no argon2 hash verifies against this. */
export const SYNTHETIC_PASSWORD_HASH = '!synthetic';
export const syntheticEmail = (n: number) => `synthetic-${n}@corpus.invalid`;

function maxId(sqlite: Database.Database, table: 'articles' | 'threads' | 'users' | 'comments'): number {
  const row = sqlite.prepare(`SELECT coalesce(max(id), 0) AS id FROM ${table}`).get() as { id: number };
  return row.id;
}

/** Ensures the pool exists in `mentions` (reusing same-slug rows) and maps pool index → row id. */
function upsertMentions(sqlite: Database.Database): { ids: Int32Array; created: number } {
  const insert = sqlite.prepare('INSERT INTO mentions (slug, name, kind) VALUES (?, ?, ?) ON CONFLICT(slug) DO NOTHING');
  const find = sqlite.prepare('SELECT id FROM mentions WHERE slug = ?').pluck();
  const ids = new Int32Array(mentionPool.length);
  let created = 0;
  sqlite.transaction(() => {
    mentionPool.forEach((entry, i) => {
      const slug = toSlug(entry.name);
      created += insert.run(slug, entry.name, entry.kind).changes;
      ids[i] = find.get(slug) as number;
    });
  })();
  return { ids, created };
}

/** The highest n among existing synthetic-<n>@corpus.invalid readers: a new pool numbers on from it. */
function maxSyntheticReader(sqlite: Database.Database): number {
  const row = sqlite
    .prepare(
      `SELECT coalesce(max(CAST(substr(email, 11, instr(email, '@') - 11) AS INTEGER)), 0) AS n
         FROM users WHERE email LIKE 'synthetic-%@corpus.invalid'`,
    )
    .get() as { n: number };
  return row.n;
}


export function generateCorpus(sqlite: Database.Database, options: CorpusOptions): CorpusSummary {
  // Every reference the load writes is to a row it has just written or looked up, so it skips the
  // foreign-key lookups: a good share of the cost of a million comment rows. The setting belongs to
  // the connection and cannot change inside a transaction; it is put back however the load ends.
  const foreignKeys = sqlite.pragma('foreign_keys', { simple: true }) === 1;
  if (foreignKeys) sqlite.pragma('foreign_keys = OFF');
  try {
    return load(sqlite, options);
  } finally {
    if (foreignKeys) sqlite.pragma('foreign_keys = ON');
  }
}

function load(sqlite: Database.Database, options: CorpusOptions): CorpusSummary {
  const { articles: n, comments, seed, now } = options;
  const forumCount = options.forumThreads ?? Math.ceil(n / 10);
  const batchSize = options.batchSize ?? 2000;

  const articleBase = maxId(sqlite, 'articles');
  const threadBase = maxId(sqlite, 'threads');
  const userBase = maxId(sqlite, 'users');
  const readerBase = maxSyntheticReader(sqlite);
  let nextCommentId = maxId(sqlite, 'comments') + 1;
  const { ids: mentionIds, created: mentionsCreated } = upsertMentions(sqlite);

  const planOptions = { articles: n, comments, seed, now, forumThreads: forumCount };
  const plan = new CorpusPlan(planOptions);
  const { activity, threadCreatedAt, publishedAt, readers } = plan;
  const ranges = batchRanges(n, forumCount, batchSize);

  // The readers exist before anything they write (comments.author_id references them). Their
  // created_at is settled at the end, once their first comment's time is known.
  const readerTotal = readers.names.length;
  const firstCommentAt = new Float64Array(readerTotal).fill(Infinity);
  const insertUser = sqlite.prepare(
    `INSERT INTO users (id, email, name, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, ?, 'user', ?, ?)`,
  );
  sqlite.transaction(() => {
    for (let r = 0; r < readerTotal; r++) {
      const joined = readers.joinedAt[r] as number;
      insertUser.run(userBase + 1 + r, syntheticEmail(readerBase + 1 + r), readers.names[r] as string, SYNTHETIC_PASSWORD_HASH, joined, joined);
    }
  })();

  const insertArticle = sqlite.prepare(
    `INSERT INTO articles (id, slug, lang, title, views, comment_count, rating, image_credit, outlet,
       original_headline, summary, pull_quote, byline_name, byline_original, body, rights_line,
       licence_note, original_link_text, disclaimer, source_key, source_hash, published_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLink = sqlite.prepare('INSERT INTO article_mentions (article_id, mention_id, weight) VALUES (?, ?, ?)');
  const insertThread = sqlite.prepare(
    `INSERT INTO threads (id, article_id, title, source_key, last_comment_at, comment_count, captured_order, next_number, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const insertComment = sqlite.prepare(
    `INSERT INTO comments (id, thread_id, number, parent_id, root_id, depth, author_id, body, status,
       score, upvotes, downvotes, created_at, edited_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'visible', ?, ?, ?, ?, ?)`,
  );

  let russian = 0;
  let links = 0;
  let threadsWithComments = 0;
  let maxDepth = 0;
  const biggestThread = { id: 0, comments: 0 };

  const writeArticle = (t: number, a: PlannedArticle) => {
    const id = articleBase + 1 + t;
    if (a.lang === 'ru') russian++;
    const published = publishedAt[t] as number;
    // A fifth of the articles were edited within two days of going out.
    const updated = id % 5 === 0 ? published + ((id * 7919) % (48 * 3_600_000)) : published;
    insertArticle.run(
      id, a.slug, a.lang, a.title, a.views, activity.commentCount[t] as number, a.rating, a.imageCredit, a.outlet,
      a.originalHeadline, a.summary, a.pullQuote, a.bylineName, a.bylineOriginal, a.bodyJson,
      a.rightsLine, a.licenceNote, a.originalLinkText, a.disclaimer, `synthetic:${id}`, SOURCE_HASH,
      published, Math.min(updated, now),
    );
    for (const m of a.mentions) insertLink.run(id, mentionIds[m.pool] as number, m.weight);
    links += a.mentions.length;
    return id;
  };

  /**
   * A thread with its comments numbered 1..count in time order. Every row is visible, so the
   * counters (comment_count here and on the article, last_comment_at = the newest row's time) and
   * next_number = count + 1 are exactly what the app would have left after posting them one by one.
   */
  const writeBatch = sqlite.transaction((b: PlannedBatch) => {
    const c = b.comments;
    let offset = 0;
    for (let t = b.from; t < b.to; t++) {
      const threadId = threadBase + 1 + t;
      const count = activity.commentCount[t] as number;
      const last = count > 0 ? (activity.lastCommentAt[t] as number) : null;
      const createdAt = threadCreatedAt[t] as number;
      if (t < n) {
        const a = b.articles[t - b.from] as PlannedArticle;
        const articleId = writeArticle(t, a);
        insertThread.run(threadId, articleId, a.title, null, last, count, count + 1, createdAt);
      } else {
        // Forum threads need a unique key of their own: the article threads are keyed by article_id.
        const title = b.forumTitles[t - b.from] as string;
        insertThread.run(threadId, null, title, `synthetic:forum:${threadId}`, last, count, count + 1, createdAt);
      }
      if (count === 0) continue;
      threadsWithComments++;
      if (count > biggestThread.comments) {
        biggestThread.id = threadId;
        biggestThread.comments = count;
      }
      const firstId = nextCommentId;
      for (let k = 0; k < count; k++) {
        const i = offset + k;
        const p = c.parent[i] as number;
        const author = c.author[i] as number;
        const time = c.createdAt[i] as number;
        const depth = c.depth[i] as number;
        const up = c.upvotes[i] as number;
        const down = c.downvotes[i] as number;
        const edited = c.editedAt[i] as number;
        if (time < (firstCommentAt[author] as number)) firstCommentAt[author] = time;
        if (depth > maxDepth) maxDepth = depth;
        insertComment.run(
          firstId + k, threadId, k + 1, p >= 0 ? firstId + p : null, firstId + (c.root[i] as number), depth,
          userBase + 1 + author, c.body[i] as string, up - down, up, down, time, Number.isNaN(edited) ? null : edited,
        );
      }
      nextCommentId += count;
      offset += count;
    }
    if (offset !== c.body.length) throw new Error(`batch ${b.from}–${b.to} planned ${c.body.length} comments, the counters say ${offset}`);
  });

  const source: BatchSource = options.parallel
    ? plannerThread(planOptions, ranges)
    : { next: (k) => plan.batch(...(ranges[k] as [number, number])), close: () => {} };
  try {
    ranges.forEach(([from, to], k) => {
      const batch = source.next(k);
      if (batch.from !== from || batch.to !== to) throw new Error(`expected threads ${from}–${to}, got ${batch.from}–${batch.to}`);
      writeBatch(batch);
      if (to <= n) options.onProgress?.(to, n);
    });
  } finally {
    source.close();
  }

  // A reader registered before their first comment: up to a month before it, or when the pool
  // said if that is earlier. Readers who never wrote keep the pool's date.
  const settleUser = sqlite.prepare('UPDATE users SET created_at = ?, updated_at = ? WHERE id = ?');
  sqlite.transaction(() => {
    const rng = mulberry32(deriveSeed(seed, STREAM_READER_DATES));
    for (let r = 0; r < readerTotal; r++) {
      const first = firstCommentAt[r] as number;
      const lead = Math.floor(rng() * 30 * DAY);
      if (first === Infinity || (readers.joinedAt[r] as number) <= first - lead) continue;
      settleUser.run(first - lead, first - lead, userBase + 1 + r);
    }
  })();

  return {
    articles: n,
    russianArticles: russian,
    firstArticleId: articleBase + 1,
    lastArticleId: articleBase + n,
    mentionsInPool: mentionPool.length,
    mentionsCreated,
    articleMentions: links,
    threads: n + forumCount,
    forumThreads: forumCount,
    threadsWithComments,
    comments,
    users: readerTotal,
    firstUserId: userBase + 1,
    biggestThread,
    maxDepth,
  };
}
