'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { CommentError, deleteComment, editComment, postComment, rateArticle, reportComment, voteComment } from '@/db/mutations/comments';
import { action } from '@/lib/actions';
import { afterCommentWrite, afterRating } from '@/lib/comments/after-write';
import { commentIdSchema, editSchema, postSchema, rateSchema, reportSchema, voteSchema } from '@/lib/comments/validation';
import { safeLocalPath } from '@/lib/safe-redirect';

// Every comment write: the wrapper has parsed the form and established a signed-in, unbanned
// user; the mutation re-checks owner and state in its WHERE; then live listeners and caches hear.

function back(returnTo: string | undefined, hash = ''): never {
  // The redirect may differ from the current address only by its #hash, which the router would
  // treat as a scroll: refresh makes it re-read the page, so the reader sees what they did.
  refresh();
  const path = (safeLocalPath(returnTo) ?? '/').replace(/#.*$/, '').replace(/[?&](reply|report|edit)=\d+/g, '');
  redirect(`${path}${hash}`);
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
  back(input.returnTo, `#c${posted.number}`);
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
