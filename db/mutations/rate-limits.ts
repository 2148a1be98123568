import 'server-only';
import type { Db } from '@/db';

export type Window = { count: number; resetAt: number };

/** Reads a counter without counting (expired windows read as empty). */
export function peekCounter(db: Db, key: string, now = Date.now()): Window {
  const row = db.$client.prepare('SELECT count, reset_at AS resetAt FROM rate_limits WHERE key = ?').get(key) as Window | undefined;
  if (!row || row.resetAt <= now) return { count: 0, resetAt: now };
  return row;
}

/** Counts one event in a fixed window, in one statement (atomic under concurrent requests). */
export function bumpCounter(db: Db, key: string, windowMs: number, now = Date.now()): Window {
  return db.$client
    .prepare(
      `INSERT INTO rate_limits (key, count, reset_at) VALUES (?, 1, ?)
       ON CONFLICT(key) DO UPDATE SET
         count = CASE WHEN reset_at <= ? THEN 1 ELSE count + 1 END,
         reset_at = CASE WHEN reset_at <= ? THEN excluded.reset_at ELSE reset_at END
       RETURNING count, reset_at AS resetAt`,
    )
    .get(key, now + windowMs, now, now) as Window;
}

/** Gives one counted event back (never below zero, never reviving an ended window). */
export function unbumpCounter(db: Db, key: string, now = Date.now()): void {
  db.$client.prepare('UPDATE rate_limits SET count = max(count - 1, 0) WHERE key = ? AND reset_at > ?').run(key, now);
}

export function clearCounter(db: Db, key: string): void {
  db.$client.prepare('DELETE FROM rate_limits WHERE key = ?').run(key);
}

export function pruneCounters(db: Db, now = Date.now()): void {
  db.$client.prepare('DELETE FROM rate_limits WHERE reset_at <= ?').run(now);
}
