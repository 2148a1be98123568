import 'server-only';
import { getDb } from '@/db';
import type { FeedArticle } from '@/lib/seo/feed';

// Reads for feeds and sitemaps: explicit columns, in index order (published_at, id) or by id.

const feedColumns = `a.id, a.slug, a.title, a.summary, a.byline_name AS bylineName, a.outlet, a.published_at AS publishedAt, a.updated_at AS updatedAt`;

export function latestFeedArticles(limit: number): FeedArticle[] {
  return getDb().$client.prepare(`SELECT ${feedColumns} FROM articles a ORDER BY a.published_at DESC, a.id DESC LIMIT ?`).all(limit) as FeedArticle[];
}

export function mentionFeedArticles(mentionId: number, limit: number): FeedArticle[] {
  return getDb()
    .$client.prepare(
      `SELECT ${feedColumns} FROM article_mentions am JOIN articles a ON a.id = am.article_id
        WHERE am.mention_id = ? ORDER BY a.published_at DESC, a.id DESC LIMIT ?`,
    )
    .all(mentionId, limit) as FeedArticle[];
}

export function sitemapCounts(): { articles: number; mentions: number; lastUpdate: number | null } {
  return getDb()
    .$client.prepare(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM mentions) AS mentions,
              (SELECT max(max(published_at, updated_at)) FROM articles) AS lastUpdate`,
    )
    .get() as { articles: number; mentions: number; lastUpdate: number | null };
}

/** Articles by id: file n of the sitemap is the n-th block of `limit`. */
export function sitemapArticles(offset: number, limit: number): { id: number; slug: string; lastmod: number }[] {
  return getDb()
    .$client.prepare(`SELECT id, slug, max(published_at, updated_at) AS lastmod FROM articles ORDER BY id LIMIT ? OFFSET ?`)
    .all(limit, offset) as { id: number; slug: string; lastmod: number }[];
}

export function sitemapMentions(limit: number): { slug: string }[] {
  return getDb().$client.prepare('SELECT slug FROM mentions ORDER BY id LIMIT ?').all(limit) as { slug: string }[];
}
