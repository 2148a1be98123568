import 'server-only';
import crypto from 'node:crypto';
import type { Db } from '@/db';

export function createSession(db: Db, userId: number): string {
  const id = crypto.randomBytes(18).toString('base64url');
  db.$client.prepare('INSERT INTO sessions (id, user_id, created_at) VALUES (?, ?, ?)').run(id, userId, Date.now());
  return id;
}

/** Revokes one session, only ever the owner's own. */
export function revokeSession(db: Db, sessionId: string, userId: number): boolean {
  return (
    db.$client.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL').run(Date.now(), sessionId, userId)
      .changes === 1
  );
}

export function revokeAllSessions(db: Db, userId: number): void {
  db.$client.prepare('UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL').run(Date.now(), userId);
}
