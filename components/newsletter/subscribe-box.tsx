'use client';

import { useActionState } from 'react';
import { buttonClass } from '@/components/ui/field';
import type { ActionState } from '@/lib/action-state';
import type { Locale } from '@/lib/i18n/locales';

type Props = {
  action: (previous: ActionState | undefined, form: FormData) => Promise<ActionState>;
  locale: Locale;
  t: { newsletterHeading: string; newsletterLead: string; email: string; subscribe: string; subscribeInvalidEmail: string };
};

/** "News subscription": one field, a plain form that also works without JavaScript. */
export function SubscribeBox({ action, locale, t }: Props) {
  const [state, formAction, pending] = useActionState(action, undefined);
  // The server's field messages are English; the box says it in the reader's language.
  const error = state?.fieldErrors?.email ? t.subscribeInvalidEmail : undefined;
  const message = error ?? state?.message;
  return (
    <section aria-labelledby="newsletter-heading" className="mt-8 rounded border border-slate-300 bg-slate-50 p-4">
      <h2 id="newsletter-heading" className="text-lg font-bold">
        {t.newsletterHeading}
      </h2>
      <p id="newsletter-lead" className="mt-1 text-sm text-slate-700">
        {t.newsletterLead}
      </p>
      <form action={formAction} noValidate className="mt-3 space-y-2">
        <input type="hidden" name="lang" value={locale} />
        <label htmlFor="newsletter-email" className="block font-medium">
          {t.email}
        </label>
        <input
          id="newsletter-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={254}
          defaultValue={state?.values?.email}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'newsletter-lead newsletter-status' : 'newsletter-lead'}
          className="block w-full rounded border border-slate-400 px-3 py-2 aria-[invalid=true]:border-red-700"
        />
        <button type="submit" disabled={pending} className={buttonClass}>
          {t.subscribe}
        </button>
        <p id="newsletter-status" role="status" aria-live="polite" className={state?.ok ? 'text-sm text-green-800' : 'text-sm text-red-800'}>
          {message}
        </p>
      </form>
    </section>
  );
}
