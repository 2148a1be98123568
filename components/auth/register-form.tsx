'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { buttonClass, Field } from '@/components/ui/field';
import type { ActionState } from '@/lib/action-state';

type Labels = {
  name: string;
  email: string;
  password: string;
  nameHint: string;
  passwordHint: string;
  register: string;
  haveAccount: string;
  logIn: string;
};

type Props = {
  action: (previous: ActionState | undefined, form: FormData) => Promise<ActionState>;
  labels: Labels;
  callbackUrl: string;
};

/** Works without JavaScript (the action posts and the page re-renders with the answer). */
export function RegisterForm({ action, labels, callbackUrl }: Props) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={formAction} className="mt-6 max-w-md space-y-4" noValidate>
      <p role="alert" aria-live="polite" className="min-h-6 font-medium text-red-800">
        {state && !state.ok ? state.message : null}
      </p>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="name" label={labels.name} autoComplete="nickname" maxLength={50} hint={labels.nameHint} error={errors.name} defaultValue={state?.values?.name} />
      <Field name="email" label={labels.email} type="email" autoComplete="email" maxLength={254} error={errors.email} defaultValue={state?.values?.email} />
      <Field name="password" label={labels.password} type="password" autoComplete="new-password" hint={labels.passwordHint} error={errors.password} />
      <button type="submit" className={buttonClass} disabled={pending}>
        {labels.register}
      </button>
      <p className="text-sm">
        {labels.haveAccount}{' '}
        <Link href={`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="underline">
          {labels.logIn}
        </Link>
      </p>
    </form>
  );
}
