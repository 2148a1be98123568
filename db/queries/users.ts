import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users, type UserRole } from '@/db/schema';

/** What a session needs to decide whether it still holds. Never the password hash. */
export type SessionUser = {
  id: number;
  name: string;
  role: UserRole;
  sessionVersion: number;
  bannedUntil: number | null;
  deletedAt: number | null;
};

const sessionColumns = {
  id: users.id,
  name: users.name,
  role: users.role,
  sessionVersion: users.sessionVersion,
  bannedUntil: users.bannedUntil,
  deletedAt: users.deletedAt,
};

export function getSessionUser(id: number): SessionUser | null {
  return getDb().select(sessionColumns).from(users).where(eq(users.id, id)).get() ?? null;
}

export type PublicProfile = { id: number; name: string; role: UserRole; createdAt: number; deleted: boolean };

export function getPublicProfile(id: number): PublicProfile | null {
  const row = getDb()
    .select({ id: users.id, name: users.name, role: users.role, createdAt: users.createdAt, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, id))
    .get();
  if (!row) return null;
  return { id: row.id, name: row.name, role: row.role, createdAt: row.createdAt, deleted: row.deletedAt !== null };
}

export type AccountDetails = { id: number; name: string; email: string; role: UserRole; createdAt: number };

/** The owner's own view of their account. */
export function getAccount(id: number): AccountDetails | null {
  return (
    getDb()
      .select({ id: users.id, name: users.name, email: users.email, role: users.role, createdAt: users.createdAt })
      .from(users)
      .where(eq(users.id, id))
      .get() ?? null
  );
}

export function isActive(user: Pick<SessionUser, 'bannedUntil' | 'deletedAt'>, now = Date.now()): boolean {
  return user.deletedAt === null && (user.bannedUntil === null || user.bannedUntil <= now);
}
