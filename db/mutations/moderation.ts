import 'server-only';
import type { Db } from '@/db';

export class ModerationError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Actor = { id: number };
type Changed = { threadId: number };

// Every write here names the actor's role in its WHERE: a live, unbanned moderator or admin. A
// caller that forgot to check still changes nothing.
const IS_MODERATOR = `EXISTS (SELECT 1 FROM users WHERE id = @actor AND role IN ('moderator', 'admin') AND deleted_at IS NULL AND (banned_until IS NULL OR banned_until <= @now))`;
const IS_ADMIN = `EXISTS (SELECT 1 FROM users WHERE id = @actor AND role = 'admin' AND deleted_at IS NULL AND (banned_until IS NULL OR banned_until <= @now))`;

function log(db: Db, actor: Actor, action: string, targetType: string, targetId: number | null, reason: string | null, now: number) {
  db.$client
    .prepare('INSERT INTO moderation_log (actor_id, action, target_type, target_id, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(actor.id, action, targetType, targetId, reason, now);
}

function recount(db: Db, threadId: number) {
  // Exact counters after a change of visibility: the thread's and its article's.
  db.$client
    .prepare(
      `UPDATE threads SET
         comment_count = (SELECT count(*) FROM comments WHERE thread_id = @t AND status = 'visible'),
         last_comment_at = (SELECT max(created_at) FROM comments WHERE thread_id = @t AND status = 'visible')
       WHERE id = @t`,
    )
    .run({ t: threadId });
  db.$client.prepare('UPDATE articles SET comment_count = (SELECT comment_count FROM threads WHERE id = @t) WHERE id = (SELECT article_id FROM threads WHERE id = @t)').run({ t: threadId });
}

function setStatus(db: Db, actor: Actor, commentId: number, from: string[], to: 'visible' | 'hidden', reason: string | null, action: string, now: number): Changed {
  return db.$client.transaction((): Changed => {
    const row = db.$client
      .prepare(
        `UPDATE comments SET status = @to, moderation_reason = @reason
          WHERE id = @id AND status IN (${from.map((s) => `'${s}'`).join(',')}) AND ${IS_MODERATOR}
          RETURNING thread_id AS threadId`,
      )
      .get({ to, reason, id: commentId, actor: actor.id, now }) as Changed | undefined;
    if (!row) throw new ModerationError(409, 'That comment is not in a state this applies to (or you may not change it).');
    // Acting on a comment settles the reports about it.
    db.$client.prepare('UPDATE reports SET resolved_at = ? WHERE comment_id = ? AND resolved_at IS NULL').run(now, commentId);
    recount(db, row.threadId);
    log(db, actor, action, 'comment', commentId, reason, now);
    return row;
  }).immediate();
}

export const hideComment = (db: Db, actor: Actor, commentId: number, reason: string, now = Date.now()) =>
  setStatus(db, actor, commentId, ['visible', 'pending'], 'hidden', reason, 'hide', now);
export const restoreComment = (db: Db, actor: Actor, commentId: number, now = Date.now()) =>
  setStatus(db, actor, commentId, ['hidden'], 'visible', null, 'restore', now);
export const approveComment = (db: Db, actor: Actor, commentId: number, now = Date.now()) =>
  setStatus(db, actor, commentId, ['pending'], 'visible', null, 'approve', now);

export function dismissReports(db: Db, actor: Actor, commentId: number, now = Date.now()): Changed {
  return db.$client.transaction((): Changed => {
    const done = db.$client.prepare(`UPDATE reports SET resolved_at = @now WHERE comment_id = @id AND resolved_at IS NULL AND ${IS_MODERATOR}`).run({ now, id: commentId, actor: actor.id });
    if (done.changes === 0) throw new ModerationError(409, 'There are no open reports on that comment (or you may not dismiss them).');
    log(db, actor, 'dismiss-reports', 'comment', commentId, null, now);
    return db.$client.prepare('SELECT thread_id AS threadId FROM comments WHERE id = ?').get(commentId) as Changed;
  }).immediate();
}

// A moderator may ban readers; an admin may ban anyone but another admin. Nobody bans themselves.
const MAY_BAN_TARGET = `(target.role = 'user' OR (target.role = 'moderator' AND ${IS_ADMIN})) AND target.id != @actor`;

export function banUser(db: Db, actor: Actor, input: { userId: number; reason: string; until: number }, now = Date.now()): void {
  db.$client.transaction(() => {
    const done = db.$client
      .prepare(
        `UPDATE users AS target SET banned_until = @until, ban_reason = @reason, session_version = session_version + 1, updated_at = @now
          WHERE target.id = @user AND target.deleted_at IS NULL AND ${MAY_BAN_TARGET} AND ${IS_MODERATOR}`,
      )
      .run({ until: input.until, reason: input.reason, now, user: input.userId, actor: actor.id });
    if (done.changes !== 1) throw new ModerationError(403, 'You may not ban this account.');
    // A ban ends every session at once.
    db.$client.prepare('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL').run(now, input.userId);
    log(db, actor, 'ban', 'user', input.userId, input.reason, now);
  }).immediate();
}

export function unbanUser(db: Db, actor: Actor, userId: number, now = Date.now()): void {
  db.$client.transaction(() => {
    const done = db.$client
      .prepare(
        `UPDATE users AS target SET banned_until = NULL, ban_reason = NULL, updated_at = @now
          WHERE target.id = @user AND target.banned_until IS NOT NULL AND ${MAY_BAN_TARGET} AND ${IS_MODERATOR}`,
      )
      .run({ now, user: userId, actor: actor.id });
    if (done.changes !== 1) throw new ModerationError(403, 'You may not unban this account (or it is not banned).');
    log(db, actor, 'unban', 'user', userId, null, now);
  }).immediate();
}

/** Admins only: make or unmake a moderator. The change ends the user's sessions (a new role, a new session). */
export function setModerator(db: Db, actor: Actor, userId: number, moderator: boolean, now = Date.now()): void {
  db.$client.transaction(() => {
    const done = db.$client
      .prepare(
        `UPDATE users SET role = @role, session_version = session_version + 1, updated_at = @now
          WHERE id = @user AND role = @from AND deleted_at IS NULL AND id != @actor AND ${IS_ADMIN}`,
      )
      .run({ role: moderator ? 'moderator' : 'user', from: moderator ? 'user' : 'moderator', now, user: userId, actor: actor.id });
    if (done.changes !== 1) throw new ModerationError(403, 'Only an administrator can change this account’s role.');
    log(db, actor, moderator ? 'make-moderator' : 'remove-moderator', 'user', userId, null, now);
  }).immediate();
}

/** Admins only: pre-moderation and the word lists. */
export function saveSettings(db: Db, actor: Actor, values: Record<string, string>, now = Date.now()): void {
  db.$client.transaction(() => {
    const admin = db.$client.prepare(`SELECT ${IS_ADMIN} AS ok`).get({ actor: actor.id, now }) as { ok: number };
    if (!admin.ok) throw new ModerationError(403, 'Only an administrator can change the settings.');
    const upsert = db.$client.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    for (const [key, value] of Object.entries(values)) upsert.run(key, value);
    log(db, actor, 'settings', 'settings', null, Object.keys(values).join(', '), now);
  }).immediate();
}
