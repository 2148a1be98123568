import 'server-only';
import crypto from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { forgetAccountSubscription } from './newsletter';
import type { Db } from '@/db';
import { hashPassword } from '@/db/queries/credentials';
import { users, type UserRole } from '@/db/schema';

export class EmailTakenError extends Error {
  constructor() {
    super('email taken');
  }
}

/** A new reader. The unique index decides races: a second account for one address fails. */
export async function createUser(db: Db, input: { email: string; name: string; password: string; role?: UserRole }): Promise<number> {
  const passwordHash = await hashPassword(input.password);
  const now = Date.now();
  try {
    const row = db
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, role: input.role ?? 'user', createdAt: now, updatedAt: now })
      .returning({ id: users.id })
      .get();
    return row.id;
  } catch (error) {
    if (String((error as Error).message).includes('UNIQUE')) throw new EmailTakenError();
    throw error;
  }
}

/** For operators (`npm run user:create`): creates the account or resets its name, password and role. */
export async function upsertUser(db: Db, input: { email: string; name: string; password: string; role: UserRole }): Promise<{ id: number; created: boolean }> {
  const passwordHash = await hashPassword(input.password);
  const now = Date.now();
  const existing = db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
  if (!existing) {
    const row = db
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, role: input.role, createdAt: now, updatedAt: now })
      .returning({ id: users.id })
      .get();
    return { id: row.id, created: true };
  }
  db.update(users)
    .set({ name: input.name, passwordHash, role: input.role, deletedAt: null, updatedAt: now, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, existing.id))
    .run();
  return { id: existing.id, created: false };
}

// Every write below names its owner in the WHERE: a user changes only their own, live account.
const own = (userId: number) => and(eq(users.id, userId), isNull(users.deletedAt));

export function renameUser(db: Db, userId: number, name: string): boolean {
  return db.update(users).set({ name, updatedAt: Date.now() }).where(own(userId)).run().changes === 1;
}

/** A new password ends every other session; the caller signs the current one in again. */
export async function changePassword(db: Db, userId: number, newPassword: string): Promise<number | null> {
  const passwordHash = await hashPassword(newPassword);
  const row = db
    .update(users)
    .set({ passwordHash, updatedAt: Date.now(), sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(own(userId))
    .returning({ sessionVersion: users.sessionVersion })
    .get();
  return row?.sessionVersion ?? null;
}

export function endAllSessions(db: Db, userId: number): boolean {
  return db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: Date.now() })
    .where(own(userId))
    .run().changes === 1;
}

/**
 * Deleting an account keeps its comments (shown as by "deleted user") but forgets the person:
 * the address and name go, the password can never match, and every session ends.
 */
export function deleteAccount(db: Db, userId: number): boolean {
  const now = Date.now();
  // The digest stops with the account: its address leaves the subscriber list in the same transaction.
  return db.transaction(() => {
    forgetAccountSubscription(db, userId);
    return (
    db
      .update(users)
      .set({
        email: `deleted-${userId}-${crypto.randomUUID()}@deleted.invalid`,
        name: 'deleted user',
        passwordHash: `!deleted-${crypto.randomUUID()}`,
        deletedAt: now,
        updatedAt: now,
        sessionVersion: sql`${users.sessionVersion} + 1`,
      })
      .where(own(userId))
      .run().changes === 1
    );
  });
}
