'use server';

import { z } from 'zod';
import { signIn, signOut } from '@/auth';
import { getDb } from '@/db';
import { changePassword, deleteAccount, endAllSessions, renameUser } from '@/db/mutations/users';
import { checkPasswordOf } from '@/db/queries/credentials';
import { getAccount } from '@/db/queries/users';
import { setAccountSubscription } from '@/db/mutations/newsletter';
import { redirect } from 'next/navigation';
import { action, formAction } from '@/lib/actions';
import { nameSchema, passwordSchema } from '@/lib/validation';

export const renameAction = action({ access: 'user', schema: z.object({ name: nameSchema }), keepValues: ['name'] }, async ({ name }, { viewer }) => {
  renameUser(getDb(), viewer.id, name);
  return { ok: true, message: 'Your name is changed.', values: { name } };
});

const passwordChange = z.object({ currentPassword: z.string().max(1024), newPassword: passwordSchema });

/**
 * Needs the current password. Ends every other session (the version bump) and signs this browser in
 * again under the new version; the redirect carries the fresh cookie.
 */
export const changePasswordAction = action({ access: 'user', schema: passwordChange }, async (input, { viewer }) => {
  if (!(await checkPasswordOf(viewer.id, input.currentPassword))) {
    return { ok: false, fieldErrors: { currentPassword: 'The current password is not right.' }, message: 'The current password is not right.' };
  }
  const account = getAccount(viewer.id);
  if (!account || (await changePassword(getDb(), viewer.id, input.newPassword)) === null) {
    return { ok: false, message: 'Your account could not be changed.' };
  }
  await signIn('credentials', { email: account.email, password: input.newPassword, redirectTo: '/account?changed=password' });
});

export const logoutEverywhereAction = action({ access: 'user', schema: z.object({}) }, async (_input, { viewer }) => {
  endAllSessions(getDb(), viewer.id);
  await signOut({ redirectTo: '/' });
});

export const deleteAccountAction = action(
  { access: 'user', schema: z.object({ confirm: z.literal('DELETE', { error: 'Type DELETE in capitals to confirm.' }) }) },
  async (_input, { viewer }) => {
    deleteAccount(getDb(), viewer.id);
    await signOut({ redirectTo: '/' });
  },
);

/** The account's own digest toggle: the account's address needs no second confirmation. */
export const digestAction = formAction(
  { access: 'user', schema: z.object({ digest: z.enum(['on', 'off']), lang: z.enum(['en', 'ru']).catch('en') }) },
  async ({ digest, lang }, { viewer }) => {
    setAccountSubscription(getDb(), viewer.id, digest === 'on', lang);
    redirect(`/account?digest=${digest}#digest-heading`);
  },
);
