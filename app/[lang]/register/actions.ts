'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { signIn } from '@/auth';
import { getDb } from '@/db';
import { createUser, EmailTakenError } from '@/db/mutations/users';
import { action } from '@/lib/actions';
import { registrationBlocked } from '@/lib/auth/throttle';
import { clientIp } from '@/lib/client-ip';
import { safeLocalPath } from '@/lib/safe-redirect';
import { emailSchema, nameSchema, passwordSchema } from '@/lib/validation';

const schema = z.object({
  name: nameSchema,
  email: emailSchema,
  password: passwordSchema,
  callbackUrl: z.string().max(2000).optional(),
});

/** Sign up, then straight back to the page the reader came from, signed in. */
export const registerAction = action({ access: 'public', schema, keepValues: ['name', 'email'] }, async (input, { viewer }) => {
  const values = { name: input.name, email: input.email };
  if (viewer) return { ok: false, message: 'You are already logged in.' };
  if (registrationBlocked(clientIp(await headers()))) {
    return { ok: false, message: 'Too many new accounts from your network. Try again later.', values };
  }
  try {
    await createUser(getDb(), { name: input.name, email: input.email, password: input.password });
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return { ok: false, fieldErrors: { email: 'An account with this e-mail already exists. Log in instead.' }, message: 'An account with this e-mail already exists. Log in instead.', values };
    }
    throw error;
  }
  await signIn('credentials', { email: input.email, password: input.password, redirectTo: safeLocalPath(input.callbackUrl) ?? '/' });
});
