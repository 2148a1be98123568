import 'server-only';
import type { Db } from '@/db';
import { readSettings } from '@/db/queries/settings';
import { EDIT_WINDOW_MS, POST_INTERVAL_MS } from '@/lib/comments/types';
import { findListedWord } from '@/lib/moderation/words';

export type Actor = { id: number };

export class CommentError extends Error {
  constructor(
    readonly code: 'not-found' | 'too-fast' | 'duplicate' | 'not-allowed' | 'edit-window' | 'own-comment' | 'banned' | 'banned-word',
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export type ThreadCounters = { threadId: number; articleId: number | null; commentCount: number; lastCommentAt: number | null; rating: number };

// The author may take part only while their account is live and unbanned: checked in SQL, inside
// the same transaction as the write, whatever the caller already checked.
const ACTIVE_AUTHOR = `EXISTS (SELECT 1 FROM users WHERE id = @actor AND deleted_at IS NULL AND (banned_until IS NULL OR banned_until <= @now))`;

function counters(db: Db, threadId: number): ThreadCounters {
  const row = db.$client
    .prepare(
      `SELECT t.id AS threadId, t.article_id AS articleId, t.comment_count AS commentCount, t.last_comment_at AS lastCommentAt,
              COALESCE(a.rating, 0) AS rating
         FROM threads t LEFT JOIN articles a ON a.id = t.article_id WHERE t.id = ?`,
    )
    .get(threadId) as ThreadCounters;
  return row;
}

/** Keeps the thread's and article's visible-comment counters exact after a change of `delta`. */
function adjustCounts(db: Db, threadId: number, delta: number, now: number | null) {
  if (delta > 0 && now !== null) {
    db.$client.prepare('UPDATE threads SET comment_count = comment_count + ?, last_comment_at = ? WHERE id = ?').run(delta, now, threadId);
  } else {
    // A comment left the visible set: its time may have been the latest one.
    db.$client
      .prepare(
        `UPDATE threads SET comment_count = comment_count + ?,
           last_comment_at = (SELECT max(created_at) FROM comments WHERE thread_id = ? AND status = 'visible')
         WHERE id = ?`,
      )
      .run(delta, threadId, threadId);
  }
  db.$client.prepare('UPDATE articles SET comment_count = comment_count + ? WHERE id = (SELECT article_id FROM threads WHERE id = ?)').run(delta, threadId);
}

export type Posted = { id: number; number: number; threadId: number; rootId: number; status: 'visible' | 'pending'; counters: ThreadCounters };

/** Posts a comment or a reply: numbered in the same transaction, counters updated with it. */
export function postComment(db: Db, actor: Actor, input: { threadId: number; parentId: number | null; body: string }, now = Date.now()): Posted {
  return db.$client.transaction((): Posted => {
    const thread = db.$client.prepare('SELECT id, next_number AS nextNumber FROM threads WHERE id = ?').get(input.threadId) as
      | { id: number; nextNumber: number }
      | undefined;
    if (!thread) throw new CommentError('not-found', 404, 'There is no such discussion.');
    let parent: { id: number; rootId: number; depth: number } | undefined;
    if (input.parentId !== null) {
      parent = db.$client
        .prepare(`SELECT id, root_id AS rootId, depth FROM comments WHERE id = ? AND thread_id = ? AND status = 'visible'`)
        .get(input.parentId, input.threadId) as typeof parent;
      if (!parent) throw new CommentError('not-found', 404, 'The comment you are replying to is gone.');
    }
    const last = db.$client
      .prepare('SELECT body, created_at AS createdAt FROM comments WHERE author_id = ? ORDER BY id DESC LIMIT 1')
      .get(actor.id) as { body: string; createdAt: number } | undefined;
    if (last && now - last.createdAt < POST_INTERVAL_MS) {
      const wait = Math.ceil((POST_INTERVAL_MS - (now - last.createdAt)) / 1000);
      throw new CommentError('too-fast', 429, `You can post one comment every ${POST_INTERVAL_MS / 1000} seconds. Try again in ${wait} s.`, wait);
    }
    if (last && last.body === input.body) throw new CommentError('duplicate', 409, 'You have just posted this same text.');
    const status = moderationStatus(db, actor.id, input.body);
    const inserted = db.$client
      .prepare(
        `INSERT INTO comments (thread_id, number, parent_id, root_id, depth, author_id, body, status, created_at)
         SELECT @thread, @number, @parent, COALESCE(@root, 0), @depth, @actor, @body, @status, @now
         WHERE ${ACTIVE_AUTHOR}`,
      )
      .run({ thread: thread.id, number: thread.nextNumber, parent: parent?.id ?? null, root: parent?.rootId ?? null, depth: parent ? parent.depth + 1 : 0, actor: actor.id, body: input.body, status, now });
    if (inserted.changes !== 1) throw new CommentError('banned', 403, 'Your account cannot post.');
    const id = Number(inserted.lastInsertRowid);
    if (!parent) db.$client.prepare('UPDATE comments SET root_id = id WHERE id = ?').run(id);
    db.$client.prepare('UPDATE threads SET next_number = next_number + 1 WHERE id = ?').run(thread.id);
    if (status === 'visible') adjustCounts(db, thread.id, 1, now);
    return { id, number: thread.nextNumber, threadId: thread.id, rootId: parent?.rootId ?? id, status, counters: counters(db, thread.id) };
  }).immediate();
}

/**
 * Whether a new comment goes straight up or waits in Pending: a banned word refuses it outright,
 * a suspect word or pre-moderation (all comments, or a new account's first N) holds it.
 */
function moderationStatus(db: Db, authorId: number, body: string): 'visible' | 'pending' {
  const settings = readSettings(db);
  const banned = findListedWord(body, settings.bannedWords);
  if (banned) throw new CommentError('banned-word', 422, `Your comment contains a word that is not allowed here: “${banned}”. Please rephrase it.`);
  if (settings.premoderation === 'all' || findListedWord(body, settings.suspectWords)) return 'pending';
  if (settings.premoderation === 'new-users') {
    const approved = db.$client.prepare(`SELECT count(*) FROM comments WHERE author_id = ? AND status = 'visible'`).pluck().get(authorId) as number;
    if (approved < settings.firstN) return 'pending';
  }
  return 'visible';
}

/** The author edits within 15 minutes of posting; the WHERE holds owner, state and window. */
export function editComment(db: Db, actor: Actor, input: { commentId: number; body: string }, now = Date.now()): { threadId: number } {
  const banned = findListedWord(input.body, readSettings(db).bannedWords);
  if (banned) throw new CommentError('banned-word', 422, `Your comment contains a word that is not allowed here: “${banned}”. Please rephrase it.`);
  const row = db.$client
    .prepare(
      `UPDATE comments SET body = @body, edited_at = @now
        WHERE id = @id AND author_id = @actor AND status IN ('visible', 'pending') AND created_at > @since AND ${ACTIVE_AUTHOR}
        RETURNING thread_id AS threadId`,
    )
    .get({ body: input.body, now, id: input.commentId, actor: actor.id, since: now - EDIT_WINDOW_MS }) as { threadId: number } | undefined;
  if (!row) throw new CommentError('edit-window', 403, 'You can edit your own comment for 15 minutes after posting.');
  return row;
}

/** The author deletes their comment: its text goes, a placeholder stays for the replies under it. */
export function deleteComment(db: Db, actor: Actor, commentId: number): { threadId: number; counters: ThreadCounters } {
  return db.$client.transaction(() => {
    const before = db.$client.prepare('SELECT status, thread_id AS threadId FROM comments WHERE id = ? AND author_id = ?').get(commentId, actor.id) as
      | { status: string; threadId: number }
      | undefined;
    if (!before || before.status === 'deleted') throw new CommentError('not-allowed', 403, 'You can delete only your own comments.');
    db.$client.prepare(`UPDATE comments SET status = 'deleted', body = '' WHERE id = ? AND author_id = ?`).run(commentId, actor.id);
    if (before.status === 'visible') adjustCounts(db, before.threadId, -1, null);
    return { threadId: before.threadId, counters: counters(db, before.threadId) };
  }).immediate();
}

/** One vote per user per comment: +1, -1, or 0 to withdraw; never on one's own comment. */
export function voteComment(db: Db, actor: Actor, input: { commentId: number; value: -1 | 0 | 1 }, now = Date.now()): { threadId: number; upvotes: number; downvotes: number } {
  return db.$client.transaction(() => {
    const comment = db.$client
      .prepare(`SELECT thread_id AS threadId, author_id AS authorId FROM comments WHERE id = ? AND status = 'visible'`)
      .get(input.commentId) as { threadId: number; authorId: number } | undefined;
    if (!comment) throw new CommentError('not-found', 404, 'That comment is not there any more.');
    if (comment.authorId === actor.id) throw new CommentError('own-comment', 403, 'You cannot vote on your own comment.');
    const active = db.$client.prepare(`SELECT ${ACTIVE_AUTHOR} AS ok`).get({ actor: actor.id, now }) as { ok: number };
    if (!active.ok) throw new CommentError('banned', 403, 'Your account cannot vote.');
    const previous = (db.$client.prepare('SELECT value FROM comment_votes WHERE comment_id = ? AND user_id = ?').get(input.commentId, actor.id) as { value: number } | undefined)?.value ?? 0;
    if (input.value === 0) db.$client.prepare('DELETE FROM comment_votes WHERE comment_id = ? AND user_id = ?').run(input.commentId, actor.id);
    else
      db.$client
        .prepare('INSERT INTO comment_votes (comment_id, user_id, value) VALUES (?, ?, ?) ON CONFLICT(comment_id, user_id) DO UPDATE SET value = excluded.value')
        .run(input.commentId, actor.id, input.value);
    const up = (input.value === 1 ? 1 : 0) - (previous === 1 ? 1 : 0);
    const down = (input.value === -1 ? 1 : 0) - (previous === -1 ? 1 : 0);
    return db.$client
      .prepare(
        `UPDATE comments SET upvotes = upvotes + ?, downvotes = downvotes + ?, score = score + ? WHERE id = ?
         RETURNING thread_id AS threadId, upvotes, downvotes`,
      )
      .get(up, down, up - down, input.commentId) as { threadId: number; upvotes: number; downvotes: number };
  }).immediate();
}

/** The article's rating: one +1 / -1 per reader, changeable and withdrawable. */
export function rateArticle(db: Db, actor: Actor, input: { articleId: number; value: -1 | 0 | 1 }, now = Date.now()): { rating: number; commentCount: number } {
  return db.$client.transaction(() => {
    const active = db.$client.prepare(`SELECT ${ACTIVE_AUTHOR} AS ok`).get({ actor: actor.id, now }) as { ok: number };
    if (!active.ok) throw new CommentError('banned', 403, 'Your account cannot vote.');
    const exists = db.$client.prepare('SELECT 1 FROM articles WHERE id = ?').get(input.articleId);
    if (!exists) throw new CommentError('not-found', 404, 'There is no such article.');
    const previous = (db.$client.prepare('SELECT value FROM article_votes WHERE article_id = ? AND user_id = ?').get(input.articleId, actor.id) as { value: number } | undefined)?.value ?? 0;
    if (input.value === 0) db.$client.prepare('DELETE FROM article_votes WHERE article_id = ? AND user_id = ?').run(input.articleId, actor.id);
    else
      db.$client
        .prepare('INSERT INTO article_votes (article_id, user_id, value) VALUES (?, ?, ?) ON CONFLICT(article_id, user_id) DO UPDATE SET value = excluded.value')
        .run(input.articleId, actor.id, input.value);
    return db.$client
      .prepare('UPDATE articles SET rating = rating + ? WHERE id = ? RETURNING rating, comment_count AS commentCount')
      .get(input.value - previous, input.articleId) as { rating: number; commentCount: number };
  }).immediate();
}

/** A report, once per reader per comment. Returns false when this reader had reported it already. */
export function reportComment(db: Db, actor: Actor, input: { commentId: number; reason: string; details: string | null }, now = Date.now()): boolean {
  const active = db.$client.prepare(`SELECT ${ACTIVE_AUTHOR} AS ok`).get({ actor: actor.id, now }) as { ok: number };
  if (!active.ok) throw new CommentError('banned', 403, 'Your account cannot report.');
  const exists = db.$client.prepare(`SELECT 1 FROM comments WHERE id = ? AND status IN ('visible', 'pending')`).get(input.commentId);
  if (!exists) throw new CommentError('not-found', 404, 'That comment is not there any more.');
  return (
    db.$client
      .prepare('INSERT OR IGNORE INTO reports (comment_id, reporter_id, reason, details, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.commentId, actor.id, input.reason, input.details, now).changes === 1
  );
}
