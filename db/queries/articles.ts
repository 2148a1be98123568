import 'server-only';
import { count, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { articleMentions, articles, mentions, threads } from '@/db/schema';

export const ARTICLES_PER_PAGE = 20;

const summaryColumns = {
  id: articles.id,
  slug: articles.slug,
  lang: articles.lang,
  title: articles.title,
  summary: articles.summary,
  outlet: articles.outlet,
  views: articles.views,
  commentCount: articles.commentCount,
  rating: articles.rating,
  publishedAt: articles.publishedAt,
};

export type { ArticleSummary } from '@/lib/article-summary';
import type { ArticleSummary } from '@/lib/article-summary';

export type Page<T> = { items: T[]; page: number; pages: number; total: number };

/** The front page: newest first, by (published_at, id) so the order is total and uses the index. */
export function listLatestArticles(page: number, perPage = ARTICLES_PER_PAGE): Page<ArticleSummary> {
  const db = getDb();
  const total = db.select({ n: count() }).from(articles).get()?.n ?? 0;
  const items = db
    .select(summaryColumns)
    .from(articles)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();
  return { items, page, pages: Math.max(1, Math.ceil(total / perPage)), total };
}

export type MentionLink = { slug: string; name: string; kind: 'person' | 'place' | 'organization' | 'topic' };

export type Article = ArticleSummary & {
  imageCredit: string | null;
  originalHeadline: string | null;
  pullQuote: string | null;
  bylineName: string | null;
  bylineOriginal: string | null;
  body: string[];
  rightsLine: string | null;
  licenceNote: string | null;
  originalLinkText: string | null;
  disclaimer: string | null;
  updatedAt: number;
  threadId: number | null;
  mentions: MentionLink[];
};

export function getArticle(id: number): Article | null {
  const db = getDb();
  const row = db
    .select({
      ...summaryColumns,
      imageCredit: articles.imageCredit,
      originalHeadline: articles.originalHeadline,
      pullQuote: articles.pullQuote,
      bylineName: articles.bylineName,
      bylineOriginal: articles.bylineOriginal,
      body: articles.body,
      rightsLine: articles.rightsLine,
      licenceNote: articles.licenceNote,
      originalLinkText: articles.originalLinkText,
      disclaimer: articles.disclaimer,
      updatedAt: articles.updatedAt,
      threadId: threads.id,
    })
    .from(articles)
    .leftJoin(threads, eq(threads.articleId, articles.id))
    .where(eq(articles.id, id))
    .get();
  if (!row) return null;
  const mentionRows = db
    .select({ slug: mentions.slug, name: mentions.name, kind: mentions.kind })
    .from(articleMentions)
    .innerJoin(mentions, eq(mentions.id, articleMentions.mentionId))
    .where(eq(articleMentions.articleId, id))
    .orderBy(desc(articleMentions.weight), mentions.name)
    .all();
  return { ...row, mentions: mentionRows };
}

export type Mention = MentionLink & { id: number };

export function getMention(slug: string): Mention | null {
  return (
    getDb()
      .select({ id: mentions.id, slug: mentions.slug, name: mentions.name, kind: mentions.kind })
      .from(mentions)
      .where(eq(mentions.slug, slug))
      .get() ?? null
  );
}

export function listArticlesMentioning(mentionId: number, page: number, perPage = ARTICLES_PER_PAGE): Page<ArticleSummary> {
  const db = getDb();
  const total =
    db.select({ n: count() }).from(articleMentions).where(eq(articleMentions.mentionId, mentionId)).get()?.n ?? 0;
  const items = db
    .select(summaryColumns)
    .from(articleMentions)
    .innerJoin(articles, eq(articles.id, articleMentions.articleId))
    .where(eq(articleMentions.mentionId, mentionId))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();
  return { items, page, pages: Math.max(1, Math.ceil(total / perPage)), total };
}

