import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { AuthError, getViewer, requireRole, requireUser } from './session';
import type { ActionState } from './action-state';
import type { Viewer } from './viewer';

/**
 * The one way to write a server action here. Each export of an `actions.ts` is built by `action()`,
 * which parses the form with zod and establishes who may call it before the body runs; a unit test
 * walks every actions.ts to hold us to it.
 */

export type { ActionState } from './action-state';

type Access = 'public' | 'user' | 'moderator' | 'admin';

type Ctx<A extends Access> = { viewer: A extends 'public' ? Viewer | null : Viewer };

export function action<S extends z.ZodType, A extends Access>(
  options: { access: A; schema: S; keepValues?: string[] },
  body: (input: z.infer<S>, ctx: Ctx<A>) => Promise<ActionState | void>,
): (previous: ActionState | undefined, form: FormData) => Promise<ActionState> {
  return async (_previous, form) => {
    // A hand-made request can decode to anything: only a form is a form.
    if (!(form instanceof FormData)) return { ok: false, message: 'The form could not be read. Reload the page and try again.' };
    const values = Object.fromEntries((options.keepValues ?? []).map((k) => [k, String(form.get(k) ?? '').slice(0, 500)]));
    try {
      const viewer =
        options.access === 'public'
          ? await getViewer()
          : options.access === 'user'
            ? await requireUser()
            : await requireRole(options.access);
      const parsed = options.schema.safeParse(formToObject(form));
      if (!parsed.success) {
        const fieldErrors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const key = String(issue.path[0] ?? 'form');
          fieldErrors[key] ??= issue.message;
        }
        return { ok: false, fieldErrors, values, message: Object.values(fieldErrors)[0] };
      }
      return (await body(parsed.data, { viewer } as Ctx<A>)) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
      if (error instanceof AuthError) return { ok: false, message: error.message, values };
      console.error('[action] failed', error);
      return { ok: false, message: 'Something went wrong on our side. Please try again.', values };
    }
  };
}

/** The same wrapper for a plain `<form action>` that needs no state back (log out, for instance). */
export function formAction<S extends z.ZodType, A extends Access>(
  options: { access: A; schema: S },
  body: (input: z.infer<S>, ctx: Ctx<A>) => Promise<ActionState | void>,
): (form: FormData) => Promise<void> {
  const run = action(options, body);
  return async (form) => {
    await run(undefined, form);
  };
}

/** Form fields as an object; a name given more than once (checkboxes) becomes an array. */
function formToObject(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = form.getAll(key);
    out[key] = all.length > 1 ? all : (all[0] as FormDataEntryValue);
  }
  return out;
}
