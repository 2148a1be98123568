'use server';

import { z } from 'zod';
import { signOut } from '@/auth';
import { getDb } from '@/db';
import { changePassword, deleteAccount, endAllSessions, renameUser } from '@/db/mutations/users';
import { checkPasswordOf } from '@/db/queries/credentials';
import { action } from '@/lib/actions';
import { nameSchema, passwordSchema } from '@/lib/validation';

export const renameAction = action({ access: 'user', schema: z.object({ name: nameSchema }), keepValues: ['name'] }, async ({ name }, { viewer }) => {
  renameUser(getDb(), viewer.id, name);
  return { ok: true, message: 'Your name is changed.', values: { name } };
});

const passwordChange = z.object({ currentPassword: z.string().max(1024), newPassword: passwordSchema });

/** Needs the current password; ends every session, this one too, and asks for the new password. */
export const changePasswordAction = action({ access: 'user', schema: passwordChange }, async (input, { viewer }) => {
  if (!(await checkPasswordOf(viewer.id, input.currentPassword))) {
    return { ok: false, fieldErrors: { currentPassword: 'The current password is not right.' }, message: 'The current password is not right.' };
  }
  if ((await changePassword(getDb(), viewer.id, input.newPassword)) === null) return { ok: false, message: 'Your account could not be changed.' };
  await signOut({ redirectTo: '/login?callbackUrl=%2Faccount' });
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
