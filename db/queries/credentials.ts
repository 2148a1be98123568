import 'server-only';
import { hash, verify } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/db/schema';
import type { SessionUser } from './users';

// argon2id with OWASP's minimum: 19 MiB of memory, 2 iterations, 1 lane.
export const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// Verified against when the address is unknown, so "no such account" costs what a wrong password
// costs and timing does not tell which it was.
let dummyHash: Promise<string> | null = null;

/**
 * The only place a password hash is read. Returns the user on a match, null otherwise; the hash
 * itself never leaves this module.
 */
export async function checkCredentials(email: string, password: string): Promise<SessionUser | null> {
  const row = getDb()
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      sessionVersion: users.sessionVersion,
      bannedUntil: users.bannedUntil,
      deletedAt: users.deletedAt,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(eq(users.email, email))
    .get();
  if (!row || row.deletedAt !== null) {
    dummyHash ??= hashPassword('dummy password that never matches');
    await verify(await dummyHash, password).catch(() => false);
    return null;
  }
  const ok = await verify(row.passwordHash, password).catch(() => false);
  if (!ok) return null;
  const { passwordHash: _omit, ...user } = row;
  void _omit;
  return user;
}

/** For a change of password: the current one must be right. */
export async function checkPasswordOf(userId: number, password: string): Promise<boolean> {
  const row = getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get();
  if (!row) return false;
  return verify(row.passwordHash, password).catch(() => false);
}
