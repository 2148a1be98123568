import 'server-only';
import { asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, threads } from '@/db/schema';

export const DISCUSSION_SIZE = 15;

export type DiscussionEntry = {
  id: number;
  title: string;
  lastCommentAt: number;
  commentCount: number;
  articleId: number | null;
  articleSlug: string | null;
};

/** The Discussion sidebar: threads by latest comment, newest first; the capture's order breaks ties. */
export function listDiscussion(limit = DISCUSSION_SIZE): DiscussionEntry[] {
  return getDb()
    .select({
      id: threads.id,
      title: threads.title,
      lastCommentAt: sql<number>`${threads.lastCommentAt}`,
      commentCount: threads.commentCount,
      articleId: threads.articleId,
      articleSlug: articles.slug,
    })
    .from(threads)
    .leftJoin(articles, eq(articles.id, threads.articleId))
    .where(isNotNull(threads.lastCommentAt))
    .orderBy(desc(threads.lastCommentAt), asc(threads.capturedOrder), desc(threads.id))
    .limit(limit)
    .all();
}

export type Thread = {
  id: number;
  title: string;
  lastCommentAt: number | null;
  commentCount: number;
  articleId: number | null;
  articleSlug: string | null;
  articleTitle: string | null;
  /** Known only from a capture's sidebar: its earlier comments are not in our archive. */
  archived: boolean;
};

export function getThread(id: number): Thread | null {
  const row = getDb()
      .select({
        id: threads.id,
        title: threads.title,
        lastCommentAt: threads.lastCommentAt,
        commentCount: threads.commentCount,
        articleId: threads.articleId,
        articleSlug: articles.slug,
        articleTitle: articles.title,
        archived: sql<number>`${threads.sourceKey} LIKE 'sidebar:%'`,
      })
      .from(threads)
      .leftJoin(articles, eq(articles.id, threads.articleId))
      .where(eq(threads.id, id))
      .get();
  return row ? { ...row, archived: !!row.archived } : null;
}
