'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db';
import { approveComment, banUser, dismissReports, hideComment, ModerationError, restoreComment, saveSettings, setModerator, unbanUser } from '@/db/mutations/moderation';
import { action } from '@/lib/actions';
import { afterCommentWrite } from '@/lib/comments/after-write';

// Every admin write: the wrapper requires a moderator (or admin) before the body runs, and the
// mutation checks the role again in its WHERE.

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const reason = z.string().trim().min(1, 'Give a reason: readers see it.').max(500, 'A reason is at most 500 characters.');

function refused(error: unknown) {
  if (error instanceof ModerationError) return { ok: false, message: error.message };
  throw error;
}

function done(message: string) {
  revalidatePath('/s/[lang]/admin', 'page');
  // The public record (cached for anonymous readers) shows the action at once, not up to 30 s later.
  revalidatePath('/[lang]/moderation', 'page');
  return { ok: true, message };
}

type CommentOp = 'hide' | 'restore' | 'approve' | 'dismiss';

function applyToComment(op: CommentOp, actor: { id: number }, commentId: number, why: string | null) {
  const db = getDb();
  if (op === 'hide') afterCommentWrite(hideComment(db, actor, commentId, why ?? '').threadId, { changed: { commentId, change: 'hidden' } });
  else if (op === 'restore') afterCommentWrite(restoreComment(db, actor, commentId).threadId, { changed: { commentId, change: 'restored' } });
  else if (op === 'approve') {
    const { threadId } = approveComment(db, actor, commentId);
    const row = db.$client.prepare('SELECT number, author_id AS authorId FROM comments WHERE id = ?').get(commentId) as { number: number; authorId: number };
    afterCommentWrite(threadId, { added: { commentId, number: row.number, authorId: row.authorId } });
  } else dismissReports(db, actor, commentId);
}

export const hideCommentAction = action({ access: 'moderator', schema: z.object({ commentId: id, reason }) }, async (input, { viewer }) => {
  try {
    applyToComment('hide', viewer, input.commentId, input.reason);
  } catch (error) {
    return refused(error);
  }
  return done('Hidden.');
});

export const commentOpAction = action({ access: 'moderator', schema: z.object({ commentId: id, op: z.enum(['restore', 'approve', 'dismiss']) }) }, async (input, { viewer }) => {
  try {
    applyToComment(input.op, viewer, input.commentId, null);
  } catch (error) {
    return refused(error);
  }
  return done(input.op === 'restore' ? 'Restored.' : input.op === 'approve' ? 'Approved.' : 'Reports dismissed.');
});

const bulk = z.object({
  ids: z.preprocess((v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]), z.array(id).min(1, 'Select at least one comment.').max(200)),
  op: z.enum(['hide', 'approve', 'dismiss', 'restore']),
  reason: z.string().trim().max(500).optional(),
});

/** One action on many selected comments; each is applied (or refused) on its own. */
export const bulkCommentsAction = action({ access: 'moderator', schema: bulk }, async (input, { viewer }) => {
  if (input.op === 'hide' && !input.reason) return { ok: false, message: 'Give a reason for hiding: readers see it.' };
  let applied = 0;
  for (const commentId of input.ids) {
    try {
      applyToComment(input.op, viewer, commentId, input.reason ?? null);
      applied += 1;
    } catch (error) {
      if (!(error instanceof ModerationError)) throw error;
    }
  }
  return done(`${applied} of ${input.ids.length} done.`);
});

export const banAction = action(
  { access: 'moderator', schema: z.object({ userId: id, reason, days: z.enum(['1', '7', '30', '365', 'forever']) }) },
  async (input, { viewer }) => {
    const until = input.days === 'forever' ? 8_640_000_000_000_000 : Date.now() + Number(input.days) * 86_400_000;
    try {
      banUser(getDb(), viewer, { userId: input.userId, reason: input.reason, until });
    } catch (error) {
      return refused(error);
    }
    return done('Banned. Their sessions have ended.');
  },
);

export const unbanAction = action({ access: 'moderator', schema: z.object({ userId: id }) }, async (input, { viewer }) => {
  try {
    unbanUser(getDb(), viewer, input.userId);
  } catch (error) {
    return refused(error);
  }
  return done('Unbanned.');
});

export const roleAction = action({ access: 'admin', schema: z.object({ userId: id, moderator: z.enum(['1', '0']) }) }, async (input, { viewer }) => {
  try {
    setModerator(getDb(), viewer, input.userId, input.moderator === '1');
  } catch (error) {
    return refused(error);
  }
  return done(input.moderator === '1' ? 'They are a moderator now.' : 'They are no longer a moderator.');
});

const settingsSchema = z.object({
  premoderation: z.enum(['off', 'all', 'new-users']),
  firstN: z.coerce.number().int().min(0).max(1000),
  bannedWords: z.string().max(20_000),
  suspectWords: z.string().max(20_000),
});

export const settingsAction = action({ access: 'admin', schema: settingsSchema }, async (input, { viewer }) => {
  try {
    saveSettings(getDb(), viewer, { premoderation: input.premoderation, first_n: String(input.firstN), banned_words: input.bannedWords, suspect_words: input.suspectWords });
  } catch (error) {
    return refused(error);
  }
  return done('Settings saved.');
});

