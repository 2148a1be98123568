import type Database from 'better-sqlite3';
import { createArticle, withDb } from '../../support/db';
import { marker } from './http';

export { createArticle, withDb };

export type Role = 'anonymous' | 'user' | 'banned' | 'moderator' | 'admin';
export const ROLES: readonly Role[] = ['anonymous', 'user', 'banned', 'moderator', 'admin'];

export type UserRow = { id: number; email: string; name: string };

/** Inserts users straight into the store with a given password hash (fast: no argon2 per row). */
export function insertUsers(hash: string, rows: Array<{ email: string; name: string; role?: 'user' | 'moderator' | 'admin' }>): UserRow[] {
  return withDb((db) => {
    const insert = db.prepare(`INSERT INTO users (email, name, password_hash, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`);
    const now = Date.now();
    return db.transaction(() => rows.map((r) => ({ id: (insert.get(r.email, r.name, hash, r.role ?? 'user', now, now) as { id: number }).id, email: r.email, name: r.name }))).immediate();
  });
}

export function insertUser(hash: string, role: 'user' | 'moderator' | 'admin' = 'user', name?: string): UserRow {
  const m = marker('u');
  return insertUsers(hash, [{ email: `${m}@example.test`, name: name ?? `Sec ${m}`, role }])[0]!;
}

export function banInStore(userId: number, reason = 'security test'): void {
  withDb((db) => db.prepare('UPDATE users SET banned_until = ?, ban_reason = ? WHERE id = ?').run(Date.now() + 86_400_000, reason, userId));
}

export function threadOf(articleId: number): number {
  return withDb((db) => db.prepare('SELECT id FROM threads WHERE article_id = ?').pluck().get(articleId) as number);
}

/**
 * A comment written straight into the store (its thread's counters are not the point here). Writes
 * that read first take the write lock up front (IMMEDIATE): a deferred transaction that read before
 * the server wrote could not upgrade, and would fail with "database is locked" without waiting.
 */
export function insertComment(threadId: number, authorId: number, body: string, status: 'visible' | 'pending' | 'hidden' | 'deleted' = 'visible'): { id: number; number: number } {
  return withDb((db) =>
    db.transaction(() => {
      const number = db.prepare('SELECT next_number FROM threads WHERE id = ?').pluck().get(threadId) as number;
      const id = Number(
        db
          .prepare(`INSERT INTO comments (thread_id, number, parent_id, root_id, depth, author_id, body, status, moderation_reason, created_at) VALUES (?, ?, NULL, 0, 0, ?, ?, ?, ?, ?)`)
          .run(threadId, number, authorId, body, status, status === 'hidden' ? 'security test' : null, Date.now()).lastInsertRowid,
      );
      db.prepare('UPDATE comments SET root_id = id WHERE id = ?').run(id);
      db.prepare('UPDATE threads SET next_number = next_number + 1 WHERE id = ?').run(threadId);
      return { id, number };
    }).immediate(),
  );
}

export function insertReport(commentId: number, reporterId: number, details: string | null = null): void {
  withDb((db) => db.prepare(`INSERT INTO reports (comment_id, reporter_id, reason, details, created_at) VALUES (?, ?, 'spam', ?, ?)`).run(commentId, reporterId, details, Date.now()));
}

/** What a case may touch. Everything the store holds about these ids is compared before and after. */
export type Scope = { users?: number[]; comments?: number[]; articles?: number[]; markers?: string[] };

const list = (ids: number[] | undefined) => (ids && ids.length ? ids.join(',') : '-1');

/**
 * The rows of the store that belong to a case's scope, as one comparable value. Other tests write
 * to the same store in parallel, so cases compare their own rows, never global counts.
 */
export function footprint(scope: Scope): Record<string, unknown[]> {
  return withDb((db) => footprintIn(db, scope));
}

export function footprintIn(db: Database.Database, scope: Scope): Record<string, unknown[]> {
  const u = list(scope.users);
  const c = list(scope.comments);
  const a = list(scope.articles);
  const all = (sql: string, ...params: unknown[]) => db.prepare(sql).all(...params);
  const out: Record<string, unknown[]> = {
    users: all(`SELECT * FROM users WHERE id IN (${u}) ORDER BY id`),
    sessions: all(`SELECT id, user_id, revoked_at FROM sessions WHERE user_id IN (${u}) ORDER BY id`),
    comments: all(`SELECT * FROM comments WHERE id IN (${c}) OR author_id IN (${u}) ORDER BY id`),
    commentVotes: all(`SELECT * FROM comment_votes WHERE comment_id IN (${c}) OR user_id IN (${u}) ORDER BY comment_id, user_id`),
    articleVotes: all(`SELECT * FROM article_votes WHERE article_id IN (${a}) OR user_id IN (${u}) ORDER BY article_id, user_id`),
    articles: all(`SELECT id, rating, comment_count, views FROM articles WHERE id IN (${a}) ORDER BY id`),
    reports: all(`SELECT * FROM reports WHERE comment_id IN (${c}) OR reporter_id IN (${u}) ORDER BY id`),
    subscribers: all(
      `SELECT id, email, status, user_id FROM subscribers WHERE user_id IN (${u}) OR email IN (SELECT email FROM users WHERE id IN (${u})) ORDER BY id`,
    ),
    log: all(
      `SELECT * FROM moderation_log WHERE actor_id IN (${u}) OR (target_type = 'user' AND target_id IN (${u})) OR (target_type = 'comment' AND target_id IN (${c})) ORDER BY id`,
    ),
  };
  for (const m of scope.markers ?? []) {
    const like = `%${m}%`;
    out[`marker ${m}`] = [
      ...all(`SELECT 'user' AS kind, id FROM users WHERE name LIKE ? OR email LIKE ?`, like, like),
      ...all(`SELECT 'comment' AS kind, id FROM comments WHERE body LIKE ?`, like),
      ...all(`SELECT 'report' AS kind, id FROM reports WHERE details LIKE ?`, like),
      ...all(`SELECT 'log' AS kind, id FROM moderation_log WHERE reason LIKE ?`, like),
      ...all(`SELECT 'settings' AS kind, key AS id FROM settings WHERE value LIKE ?`, like),
      ...all(`SELECT 'subscriber' AS kind, id FROM subscribers WHERE email LIKE ?`, like),
    ];
  }
  return out;
}

/** The schema as SQLite knows it: injection cases check that no table went missing or changed. */
export function schemaSnapshot(): unknown[] {
  return withDb((db) => db.prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all());
}
