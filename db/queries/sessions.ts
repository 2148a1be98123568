import 'server-only';
import { getDb } from '@/db';

export function isSessionLive(sessionId: string, userId: number): boolean {
  return !!getDb().$client.prepare('SELECT 1 FROM sessions WHERE id = ? AND user_id = ? AND revoked_at IS NULL').get(sessionId, userId);
}
