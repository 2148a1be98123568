'use client';

import { useActionState } from 'react';
import type { FormActionFn } from './types';
import { commentMessages } from '@/lib/i18n/comment-messages';
import type { Locale } from '@/lib/i18n/locales';

type Props = {
  action: FormActionFn;
  locale: Locale;
  hidden: Record<string, string | number>;
  submit: string;
  defaultValue?: string;
  id: string;
  autoFocus?: boolean;
};

/** The comment textbox: posts without JavaScript, keeps the text and says why when refused. */
export function CommentForm({ action, locale, hidden, submit, defaultValue, id, autoFocus }: Props) {
  const t = commentMessages(locale);
  const [state, formAction, pending] = useActionState(action, undefined);
  const errorId = `${id}-error`;
  return (
    <form action={formAction} className="mt-3 space-y-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id} className="block font-medium">
        {t.commentLabel}
      </label>
      <textarea
        id={id}
        name="body"
        rows={4}
        maxLength={5000}
        required
        autoFocus={autoFocus}
        defaultValue={state?.values?.body ?? defaultValue}
        aria-invalid={state && !state.ok ? true : undefined}
        aria-describedby={state && !state.ok ? errorId : undefined}
        className="block w-full rounded border border-slate-400 p-2"
      />
      <p id={errorId} role="alert" className="min-h-5 text-sm font-medium text-red-800">
        {state && !state.ok ? state.message : null}
      </p>
      <button type="submit" disabled={pending} className="rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900 disabled:opacity-60">
        {submit}
      </button>
    </form>
  );
}
