'use server';

import { z } from 'zod';
import { auth, signOut } from '@/auth';
import { getDb } from '@/db';
import { revokeSession } from '@/db/mutations/sessions';
import { formAction } from '@/lib/actions';

/** Log out: ends this browser's session (public: logging out with a dead session is harmless). */
export const logoutAction = formAction({ access: 'public', schema: z.object({}) }, async () => {
  // Revoke this session's row first: a copy of the cookie replayed later is refused.
  const session = await auth();
  const uid = Number(session?.user?.id);
  if (session?.sid && Number.isSafeInteger(uid)) revokeSession(getDb(), session.sid, uid);
  await signOut({ redirectTo: '/' });
});
