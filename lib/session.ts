import 'server-only';
import { cache } from 'react';
import { auth } from '@/auth';
import { getSessionUser, isActive } from '@/db/queries/users';
import type { Viewer } from './viewer';

/** The signed-in reader of this request, or null. Read once per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const id = Number(session?.user?.id);
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const user = getSessionUser(id);
  if (!user || user.deletedAt !== null) return null;
  return { id: user.id, name: user.name, role: user.role, banned: !isActive(user) };
});

export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}

/** Every write path starts here: a signed-in, not banned user, or it stops. */
export async function requireUser(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AuthError(401, 'Log in first.');
  if (viewer.banned) throw new AuthError(403, 'Your account is banned: you can read but not take part.');
  return viewer;
}

const rank = { user: 0, moderator: 1, admin: 2 } as const;

export async function requireRole(role: 'moderator' | 'admin'): Promise<Viewer> {
  const viewer = await requireUser();
  if (rank[viewer.role] < rank[role]) throw new AuthError(403, 'You do not have permission to do that.');
  return viewer;
}
