/**
 * The synthetic corpus as data, before any of it reaches a store: article rows, forum thread
 * titles and every thread's comments, planned in batches of threads. Pure and deterministic for
 * (seed, articles, comments, now, forum threads), whoever computes it: the generator plans batches
 * itself or has a worker thread plan them (see ./worker.ts) while it writes the previous ones.
 */
import { toSlug } from '../slug';
import { commentTimes, distributeComments, forumThreadTimes, publicationTimes, type ThreadActivity } from './activity';
import { readerCount, readerPool, ThreadPlanner, type ReaderPool } from './comments';
import { deriveSeed, intBetween, logNormal, mulberry32, pick, shuffleInPlace, WeightedSampler, zipfWeights, type Rng } from './random';
import { ArticleContext, articleText, commentText, forumThreadTitle, type Lang } from './text';
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

const STREAM_ARTICLE = 1;
const STREAM_POPULARITY = 4;
const STREAM_FORUM = 5;
const STREAM_COMMENT_ROWS = 6;

const RUSSIAN_SHARE = 0.2;
/** Comments carrying a web link. */
const LINK_SHARE = 0.06;
/** Comments their author edited (within the 15-minute window). */
const EDITED_SHARE = 0.04;

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

/**
 * One article from its own random stream; `comments` feeds views, as busy threads get read more.
 * Transliterating a title is the slowest step of an article and half the titles recur, so a run
 * passes a `slugs` cache (title → slug).
 */
export function buildArticle(seed: number, index: number, sampler: WeightedSampler, comments: number, slugs?: Map<string, string>): ArticleRowValues {
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
  let slug = slugs?.get(text.title);
  if (slug === undefined) {
    slug = toSlug(text.title);
    slugs?.set(text.title, slug);
  }

  const views = Math.round(logNormal(rng, 900, 1.0)) + comments * intBetween(rng, 5, 25);
  const r = rng();
  const rating = r < 0.6 ? 0 : r < 0.68 ? -intBetween(rng, 1, 5) : Math.floor(Math.sqrt(views) / intBetween(rng, 3, 12));
  const imageCredit = rng() < 0.85 ? pick(rng, imageCredits) : null;
  const translated = outlet !== null;
  const lines = rights[lang];

  return {
    lang,
    title: text.title,
    slug,
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

/** Votes on one comment: most get none, a few collect many (a Pareto tail). */
function votes(rng: Rng): { up: number; down: number } {
  const up = rng() < 0.4 ? Math.min(999, Math.floor(Math.pow(1 - rng(), -1 / 1.3))) : 0;
  const down = rng() < 0.15 ? Math.min(999, Math.floor(Math.pow(1 - rng(), -1 / 1.6))) : 0;
  return { up, down };
}

export interface PlanOptions {
  articles: number;
  comments: number;
  seed: number;
  now: number;
  forumThreads: number;
}

/**
 * One batch's comments as columns, thread after thread in thread order and oldest first within a
 * thread (so the k-th of a thread is its №k+1). Each thread has exactly its planned count of rows.
 * Typed arrays travel from a worker without copying.
 */
export interface CommentColumns {
  createdAt: Float64Array;
  /** Index of the parent within the same thread, -1 for a top-level comment. */
  parent: Int32Array;
  /** Index of the top-level ancestor within the same thread (its own for a top-level comment). */
  root: Int32Array;
  depth: Uint8Array;
  /** Index into the reader pool. */
  author: Int32Array;
  upvotes: Int32Array;
  downvotes: Int32Array;
  /** NaN for a comment never edited. */
  editedAt: Float64Array;
  body: string[];
}

/** An article as the store takes it: the body already JSON (the column's format), made by the planner. */
export type PlannedArticle = Omit<ArticleRowValues, 'body'> & { bodyJson: string };

/** Threads [from, to): article threads are 0..articles-1, forum threads follow; a batch holds one kind. */
export interface PlannedBatch {
  from: number;
  to: number;
  /** One per thread for an article batch, empty for a forum batch. */
  articles: PlannedArticle[];
  /** One per thread for a forum batch, empty for an article batch. */
  forumTitles: string[];
  comments: CommentColumns;
}

/** Batch boundaries: article threads in runs of `size`, then forum threads likewise. */
export function batchRanges(articles: number, forumThreads: number, size: number): [number, number][] {
  const ranges: [number, number][] = [];
  for (let from = 0; from < articles; from += size) ranges.push([from, Math.min(articles, from + size)]);
  const end = articles + forumThreads;
  for (let from = articles; from < end; from += size) ranges.push([from, Math.min(end, from + size)]);
  return ranges;
}

export class CorpusPlan {
  readonly articles: number;
  readonly forumThreads: number;
  readonly publishedAt: Float64Array;
  /** Per thread (articles, then forum threads). */
  readonly threadCreatedAt: Float64Array;
  readonly activity: ThreadActivity;
  readonly readers: ReaderPool;
  private readonly seed: number;
  private readonly now: number;
  private readonly sampler: WeightedSampler;
  private readonly forumRng: Rng;
  private nextForum = 0;
  private readonly slugs = new Map<string, string>();
  private readonly planner = new ThreadPlanner();
  private authors = new Int32Array(0);

  constructor(options: PlanOptions) {
    const { articles: n, forumThreads, seed, now } = options;
    this.articles = n;
    this.forumThreads = forumThreads;
    this.seed = seed;
    this.now = now;
    this.sampler = mentionSampler(seed);
    // Every thread's counters are planned up front: comments are spread over all threads at once.
    this.publishedAt = publicationTimes(seed, n, now);
    this.forumRng = mulberry32(deriveSeed(seed, STREAM_FORUM));
    this.threadCreatedAt = new Float64Array(n + forumThreads);
    this.threadCreatedAt.set(this.publishedAt, 0);
    this.threadCreatedAt.set(forumThreadTimes(this.forumRng, forumThreads, now), n);
    this.activity = distributeComments(seed, this.threadCreatedAt, options.comments, now);
    this.readers = readerPool(seed, readerCount(options.comments), now);
  }

  /** Threads [from, to). Article batches may come in any order, forum batches only in order. */
  batch(from: number, to: number): PlannedBatch {
    const n = this.articles;
    if (from < n && to > n) throw new RangeError('a batch holds article threads or forum threads, not both');
    let total = 0;
    for (let t = from; t < to; t++) total += this.activity.commentCount[t] as number;
    const comments: CommentColumns = {
      createdAt: new Float64Array(total),
      parent: new Int32Array(total),
      root: new Int32Array(total),
      depth: new Uint8Array(total),
      author: new Int32Array(total),
      upvotes: new Int32Array(total),
      downvotes: new Int32Array(total),
      editedAt: new Float64Array(total),
      body: new Array<string>(total),
    };
    const batch: PlannedBatch = { from, to, articles: [], forumTitles: [], comments };
    let offset = 0;
    for (let t = from; t < to; t++) {
      const count = this.activity.commentCount[t] as number;
      let ctx: () => ArticleContext;
      if (t < n) {
        const { body, ...a } = buildArticle(this.seed, t, this.sampler, count, this.slugs);
        batch.articles.push({ ...a, bodyJson: JSON.stringify(body) });
        // Readers argue about what the article names, in its language.
        ctx = () => new ArticleContext(this.commentRng(t), a.lang, a.mentions.map((m) => m.pool), a.outlet, null);
      } else {
        if (t - n !== this.nextForum) throw new RangeError(`forum thread ${t - n} planned out of order`);
        this.nextForum++;
        const { title, lang } = forumThreadTitle(this.forumRng);
        batch.forumTitles.push(title);
        ctx = () => new ArticleContext(this.commentRng(t), lang, [], null, null);
      }
      if (count > 0) this.planComments(t, count, ctx(), comments, offset);
      offset += count;
    }
    return batch;
  }

  /** Each thread's comments draw from a stream of their own, so they do not shift with the text. */
  private commentRng(t: number): Rng {
    return mulberry32(deriveSeed(this.seed, STREAM_COMMENT_ROWS, t));
  }

  /**
   * A thread's `count` comments into the columns at `offset`: times fit the thread's counters (the
   * newest at last_comment_at), ~60% top-level and the rest replies, readers by their activity.
   */
  private planComments(t: number, count: number, ctx: ArticleContext, out: CommentColumns, offset: number): void {
    const rng = ctx.rng;
    const times = commentTimes(rng, this.threadCreatedAt[t] as number, this.activity.lastCommentAt[t] as number, count);
    this.planner.plan(rng, count);
    const { parent, root, depth } = this.planner;
    if (this.authors.length < count) this.authors = new Int32Array(Math.max(count, this.authors.length * 2));
    const authors = this.authors;
    const sampler = this.readers.sampler;
    for (let k = 0; k < count; k++) {
      const p = parent[k] as number;
      let author = sampler.sample(rng);
      // People rarely answer themselves: one redraw makes it rare without forbidding it.
      if (p >= 0 && author === authors[p]) author = sampler.sample(rng);
      authors[k] = author;
      const time = times[k] as number;
      const body = commentText(ctx, p >= 0, rng() < LINK_SHARE);
      const { up, down } = votes(rng);
      let edited = NaN;
      if (rng() < EDITED_SHARE) {
        const at = time + 30_000 + Math.floor(rng() * 14 * 60_000);
        // Not after the corpus ends: that edit has not happened yet.
        if (at <= this.now) edited = at;
      }
      const i = offset + k;
      out.createdAt[i] = time;
      out.parent[i] = p;
      out.root[i] = root[k] as number;
      out.depth[i] = depth[k] as number;
      out.author[i] = author;
      out.upvotes[i] = up;
      out.downvotes[i] = down;
      out.editedAt[i] = edited;
      out.body[i] = body;
    }
  }
}
