import 'server-only';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db';
import { getThread } from '@/db/queries/discussion';
import { threadHref } from '@/lib/discussion';
import { locales } from '@/lib/i18n/locales';
import type { CommentChangedEvent } from '@/lib/live/events';
import { publish } from '@/lib/live';
import { articlePath } from '@/lib/slug';

/**
 * After a comment write has committed: tell open pages (live stream) and mark the cached pages that
 * show the thread stale, so the next reader of each gets them fresh.
 */
export function afterCommentWrite(threadId: number, change: { added?: { commentId: number; number: number; authorId: number }; changed?: Omit<CommentChangedEvent, 'type' | 'threadId'> }) {
  const thread = getThread(threadId);
  if (!thread) return;
  const href = threadHref(thread);
  if (change.added) publish({ type: 'comment-added', threadId, ...change.added });
  if (change.changed) publish({ type: 'comment-changed', threadId, ...change.changed });
  if (change.changed?.change !== 'voted') {
    publish({ type: 'thread', threadId, title: thread.title, href, commentCount: thread.commentCount, lastCommentAt: thread.lastCommentAt });
    if (thread.articleId !== null) {
      const article = getArticleCounters(thread.articleId);
      if (article) publish({ type: 'counters', articleId: thread.articleId, commentCount: article.commentCount, rating: article.rating });
    }
  }
  revalidateThreadPages(href, thread.articleId !== null);
}

export function afterRating(articleId: number, slug: string, counters: { rating: number; commentCount: number }) {
  publish({ type: 'counters', articleId, commentCount: counters.commentCount, rating: counters.rating });
  revalidateThreadPages(articlePath({ id: articleId, slug }), true);
}

function revalidateThreadPages(href: string, isArticle: boolean) {
  for (const lang of locales) {
    revalidatePath(`/${lang}${href}`);
    if (isArticle) revalidatePath(`/${lang}`);
  }
}


function getArticleCounters(articleId: number): { commentCount: number; rating: number } | null {
  return (getDb().$client.prepare('SELECT comment_count AS commentCount, rating FROM articles WHERE id = ?').get(articleId) as { commentCount: number; rating: number } | undefined) ?? null;
}
