'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { CommentError, deleteComment, editComment, postComment, rateArticle, reportComment, voteComment, type Posted } from '@/db/mutations/comments';
import { commentPageOf } from '@/db/queries/comments';
import { threadPageHref } from '@/lib/comments/page-href';
import { action } from '@/lib/actions';
import { afterCommentWrite, afterRating } from '@/lib/comments/after-write';
import { commentIdSchema, editSchema, postSchema, rateSchema, reportSchema, voteSchema } from '@/lib/comments/validation';
import { safeLocalPath } from '@/lib/safe-redirect';

// Every comment write: the wrapper has parsed the form and established a signed-in, unbanned
// user; the mutation re-checks owner and state in its WHERE; then live listeners and caches hear.

function returnPath(returnTo: string | undefined): string {
  return (safeLocalPath(returnTo) ?? '/').replace(/#.*$/, '').replace(/[?&](reply|report|edit)=\d+/g, '');
}

function back(returnTo: string | undefined, hash = ''): never {
  // The redirect may differ from the current address only by its #hash, which the router would
  // treat as a scroll: refresh makes it re-read the page, so the reader sees what they did.
  refresh();
  redirect(`${returnPath(returnTo)}${hash}`);
}

/**
 * Where a new comment can be seen: the page it came from when that page shows it, else the page of
 * the thread that does (a new top-level comment goes on the last page, a reply on its thread's page).
 */
function pageShowing(posted: Posted, returnTo: string | undefined): string {
  const page = commentPageOf(posted.threadId, posted.rootId);
  const path = returnPath(returnTo);
  const from = /^\/threads\/\d+\/page\/(\d+)$/.exec(path);
  if (page === Number(from?.[1] ?? 1)) return path;
  return threadPageHref(posted.threadId)(page);
}

function refused(error: unknown) {
  if (error instanceof CommentError) return { ok: false, message: error.message };
  throw error;
}

export const postCommentAction = action({ access: 'user', schema: postSchema, keepValues: ['body'] }, async (input, { viewer }) => {
  let posted;
  try {
    posted = postComment(getDb(), viewer, { threadId: input.threadId, parentId: input.parentId ?? null, body: input.body });
  } catch (error) {
    return { ...refused(error), values: { body: input.body } };
  }
  // A held comment is news to nobody but its author (and the moderators' queue) until approved.
  if (posted.status === 'visible') afterCommentWrite(posted.threadId, { added: { commentId: posted.id, number: posted.number, authorId: viewer.id } });
  back(pageShowing(posted, input.returnTo), `#c${posted.number}`);
});

export const editCommentAction = action({ access: 'user', schema: editSchema, keepValues: ['body'] }, async (input, { viewer }) => {
  try {
    const { threadId } = editComment(getDb(), viewer, { commentId: input.commentId, body: input.body });
    afterCommentWrite(threadId, { changed: { commentId: input.commentId, change: 'edited' } });
  } catch (error) {
    return { ...refused(error), values: { body: input.body } };
  }
  back(input.returnTo, `#comment-${input.commentId}`);
});

export const deleteCommentAction = action({ access: 'user', schema: commentIdSchema }, async (input, { viewer }) => {
  try {
    const { threadId } = deleteComment(getDb(), viewer, input.commentId);
    afterCommentWrite(threadId, { changed: { commentId: input.commentId, change: 'deleted' } });
  } catch (error) {
    return refused(error);
  }
  back(input.returnTo, `#comment-${input.commentId}`);
});

export const voteCommentAction = action({ access: 'user', schema: voteSchema }, async (input, { viewer }) => {
  try {
    const { threadId } = voteComment(getDb(), viewer, { commentId: input.commentId, value: input.value as -1 | 0 | 1 });
    afterCommentWrite(threadId, { changed: { commentId: input.commentId, change: 'voted' } });
  } catch (error) {
    return refused(error);
  }
  back(input.returnTo, `#comment-${input.commentId}`);
});

export const rateArticleAction = action({ access: 'user', schema: rateSchema }, async (input, { viewer }) => {
  try {
    const counters = rateArticle(getDb(), viewer, { articleId: input.articleId, value: input.value as -1 | 0 | 1 });
    const slug = getDb().$client.prepare('SELECT slug FROM articles WHERE id = ?').pluck().get(input.articleId) as string;
    afterRating(input.articleId, slug, counters);
  } catch (error) {
    return refused(error);
  }
  back(input.returnTo);
});

export const reportCommentAction = action({ access: 'user', schema: reportSchema, keepValues: ['details'] }, async (input, { viewer }) => {
  try {
    reportComment(getDb(), viewer, { commentId: input.commentId, reason: input.reason, details: input.details });
  } catch (error) {
    return refused(error);
  }
  back(input.returnTo, `#comment-${input.commentId}`);
});
