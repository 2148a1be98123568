'use server';

import { z } from 'zod';
import { signOut } from '@/auth';
import { formAction } from '@/lib/actions';

/** Log out: ends this browser's session (public: logging out with a dead session is harmless). */
export const logoutAction = formAction({ access: 'public', schema: z.object({}) }, async () => {
  await signOut({ redirectTo: '/' });
});
