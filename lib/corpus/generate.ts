/**
 * Writes a synthetic corpus (articles, mentions, threads and their counters) into a store.
 * Deterministic for (seed, articles, comments, now) given the same starting store: ids continue
 * from whatever is already there, the content does not depend on it.
 */
import type Database from 'better-sqlite3';
import { toSlug } from '../slug';
import { distributeComments, forumThreadTimes, publicationTimes } from './activity';
import { deriveSeed, intBetween, logNormal, mulberry32, pick, shuffleInPlace, WeightedSampler, zipfWeights, type Rng } from './random';
import { ArticleContext, articleText, forumThreadTitle, type Lang } from './text';
import {
  bylineSurnames,
  cjkBylines,
  cyrillicBylines,
  foreignOutlets,
  imageCredits,
  initials,
  mentionPool,
  rights,
  russianBylines,
  russianOutlets,
} from './vocabulary';

export interface CorpusOptions {
  articles: number;
  comments: number;
  seed: number;
  /** Epoch ms the corpus ends at: the newest article and comment are no later than this. */
  now: number;
  /** Threads without an article; defaults to one per ten articles. */
  forumThreads?: number;
  /** Articles per transaction. */
  batchSize?: number;
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
}

const STREAM_ARTICLE = 1;
const STREAM_POPULARITY = 4;
const STREAM_FORUM = 5;

const RUSSIAN_SHARE = 0.2;
const SOURCE_HASH = 'synthetic';

/** Pool popularity: a seeded ranking of the fixed pool, Zipf-weighted so a few names are everywhere. */
function mentionSampler(seed: number): WeightedSampler {
  const rng = mulberry32(deriveSeed(seed, STREAM_POPULARITY));
  const order = shuffleInPlace(rng, mentionPool.map((_, i) => i));
  const byRank = zipfWeights(order.length, 1.05, 2);
  const weights = new Float64Array(order.length);
  order.forEach((poolIndex, rank) => (weights[poolIndex] = byRank[rank] as number));
  return new WeightedSampler(weights);
}

function pickMentions(rng: Rng, sampler: WeightedSampler): number[] {
  // 3–10, mostly at the low end.
  const want = 3 + Math.floor(rng() * rng() * 8);
  const picked: number[] = [];
  for (let tries = 0; picked.length < want && tries < 200; tries++) {
    const m = sampler.sample(rng);
    if (!picked.includes(m)) picked.push(m);
  }
  return picked;
}

export interface ArticleRowValues {
  lang: Lang;
  title: string;
  slug: string;
  views: number;
  rating: number;
  imageCredit: string | null;
  outlet: string | null;
  originalHeadline: string | null;
  summary: string;
  pullQuote: string;
  bylineName: string | null;
  bylineOriginal: string | null;
  body: string[];
  rightsLine: string | null;
  licenceNote: string | null;
  originalLinkText: string | null;
  disclaimer: string | null;
  /** Pool indices with how often the text names each. */
  mentions: { pool: number; weight: number }[];
}

/** One article from its own random stream; `comments` feeds views, as busy threads get read more. */
export function buildArticle(seed: number, index: number, sampler: WeightedSampler, comments: number): ArticleRowValues {
  const rng = mulberry32(deriveSeed(seed, STREAM_ARTICLE, index));
  const lang: Lang = rng() < RUSSIAN_SHARE ? 'ru' : 'en';
  const linked = pickMentions(rng, sampler);

  let outlet: string | null = null;
  let country: string | null = null;
  let bylineName: string | null;
  let bylineOriginal: string | null = null;
  if (lang === 'en') {
    if (rng() < 0.9) {
      const o = pick(rng, foreignOutlets);
      outlet = o.name;
      country = o.country[0];
      if (o.script === 'cjk') [bylineName, bylineOriginal] = pick(rng, cjkBylines);
      else if (o.script === 'cyrillic') [bylineName, bylineOriginal] = pick(rng, cyrillicBylines);
      else bylineOriginal = bylineName = `${initials.charAt(Math.floor(rng() * initials.length))}. ${pick(rng, bylineSurnames)}`;
    } else bylineName = `${initials.charAt(Math.floor(rng() * initials.length))}. ${pick(rng, bylineSurnames)}`;
  } else {
    if (rng() < 0.4) outlet = pick(rng, russianOutlets);
    bylineName = pick(rng, russianBylines);
  }

  const ctx = new ArticleContext(rng, lang, linked, outlet, country);
  const text = articleText(ctx);

  const views = Math.round(logNormal(rng, 900, 1.0)) + comments * intBetween(rng, 5, 25);
  const r = rng();
  const rating = r < 0.6 ? 0 : r < 0.68 ? -intBetween(rng, 1, 5) : Math.floor(Math.sqrt(views) / intBetween(rng, 3, 12));
  const imageCredit = rng() < 0.85 ? pick(rng, imageCredits) : null;
  const translated = outlet !== null;
  const lines = rights[lang];

  return {
    lang,
    title: text.title,
    slug: toSlug(text.title),
    views,
    rating,
    imageCredit,
    outlet,
    originalHeadline: text.originalHeadline,
    summary: text.summary,
    pullQuote: text.pullQuote,
    bylineName,
    bylineOriginal,
    body: text.body,
    rightsLine: translated ? lines.rightsLine : null,
    licenceNote: translated ? lines.licenceNote : null,
    originalLinkText: translated ? lines.originalLinkText : null,
    // The disclaimer is about foreign media; Russian outlets' pieces do not carry it.
    disclaimer: translated && lang === 'en' ? lines.disclaimer : null,
    // Listed mentions were named at least once, even if the templates drawn happened not to.
    mentions: linked.map((pool, i) => ({ pool, weight: Math.max(1, ctx.hits[i] ?? 0) })),
  };
}

function maxId(sqlite: Database.Database, table: 'articles' | 'threads'): number {
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

export function generateCorpus(sqlite: Database.Database, options: CorpusOptions): CorpusSummary {
  const { articles: n, comments, seed, now } = options;
  const forumCount = options.forumThreads ?? Math.ceil(n / 10);
  const batchSize = options.batchSize ?? 2000;

  const articleBase = maxId(sqlite, 'articles');
  const threadBase = maxId(sqlite, 'threads');
  const { ids: mentionIds, created: mentionsCreated } = upsertMentions(sqlite);
  const sampler = mentionSampler(seed);

  // Plan every thread's counters up front: comments are spread over all threads at once.
  const publishedAt = publicationTimes(seed, n, now);
  const forumRng = mulberry32(deriveSeed(seed, STREAM_FORUM));
  const threadCreatedAt = new Float64Array(n + forumCount);
  threadCreatedAt.set(publishedAt, 0);
  threadCreatedAt.set(forumThreadTimes(forumRng, forumCount, now), n);
  const activity = distributeComments(seed, threadCreatedAt, comments, now);

  const insertArticle = sqlite.prepare(
    `INSERT INTO articles (id, slug, lang, title, views, comment_count, rating, image_credit, outlet,
       original_headline, summary, pull_quote, byline_name, byline_original, body, rights_line,
       licence_note, original_link_text, disclaimer, source_key, source_hash, published_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLink = sqlite.prepare('INSERT INTO article_mentions (article_id, mention_id, weight) VALUES (?, ?, ?)');
  const insertThread = sqlite.prepare(
    `INSERT INTO threads (id, article_id, title, source_key, last_comment_at, comment_count, captured_order, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?)`,
  );

  let russian = 0;
  let links = 0;
  let threadsWithComments = 0;

  const writeThread = (t: number, articleId: number | null, title: string, sourceKey: string | null) => {
    const count = activity.commentCount[t] as number;
    const last = activity.lastCommentAt[t] as number;
    const createdAt = threadCreatedAt[t] as number;
    insertThread.run(threadBase + 1 + t, articleId, title, sourceKey, count > 0 ? last : null, count, createdAt);
    if (count > 0) threadsWithComments++;
    // ── Comments go here ── When the comments table exists, insert this thread's `count` rows
    // now, timed by commentTimes(rng, createdAt, last, count) from ./activity (a stream such as
    // mulberry32(deriveSeed(seed, 6, t))). The counters written above already equal those rows.
  };

  const writeBatch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const id = articleBase + 1 + i;
      const count = activity.commentCount[i] as number;
      const a = buildArticle(seed, i, sampler, count);
      if (a.lang === 'ru') russian++;
      const published = publishedAt[i] as number;
      // A fifth of the articles were edited within two days of going out.
      const updated = id % 5 === 0 ? published + ((id * 7919) % (48 * 3_600_000)) : published;
      insertArticle.run(
        id, a.slug, a.lang, a.title, a.views, count, a.rating, a.imageCredit, a.outlet,
        a.originalHeadline, a.summary, a.pullQuote, a.bylineName, a.bylineOriginal, JSON.stringify(a.body),
        a.rightsLine, a.licenceNote, a.originalLinkText, a.disclaimer, `synthetic:${id}`, SOURCE_HASH,
        published, Math.min(updated, now),
      );
      for (const m of a.mentions) insertLink.run(id, mentionIds[m.pool] as number, m.weight);
      links += a.mentions.length;
      writeThread(i, id, a.title, null);
    }
  });

  for (let from = 0; from < n; from += batchSize) {
    const to = Math.min(n, from + batchSize);
    writeBatch(from, to);
    options.onProgress?.(to, n);
  }

  sqlite.transaction(() => {
    for (let j = 0; j < forumCount; j++) {
      const t = n + j;
      // Forum threads need a unique key of their own: the article threads are keyed by article_id.
      writeThread(t, null, forumThreadTitle(forumRng), `synthetic:forum:${threadBase + 1 + t}`);
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
  };
}
