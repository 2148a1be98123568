'use client';

import { useActionState } from 'react';
import { Field } from './field';
import type { ActionState } from '@/lib/action-state';

type FieldSpec = { name: string; label: string; type?: string; autoComplete?: string; defaultValue?: string; hint?: string; maxLength?: number };

type Props = {
  action: (previous: ActionState | undefined, form: FormData) => Promise<ActionState>;
  fields: FieldSpec[];
  submit: string;
  danger?: boolean;
};

/** A form bound to a wrapped server action: its answer is shown beside it and announced. */
export function ActionForm({ action, fields, submit, danger = false }: Props) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const errors = state?.fieldErrors ?? {};
  return (
    <form action={formAction} className="mt-3 max-w-md space-y-3" noValidate>
      {fields.map((f) => (
        <Field key={f.name} {...f} error={errors[f.name]} defaultValue={state?.values?.[f.name] ?? f.defaultValue} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className={danger ? 'rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900' : 'rounded bg-slate-800 px-4 py-2 font-semibold text-white hover:bg-slate-900'}
      >
        {submit}
      </button>
      <p role="status" aria-live="polite" className={state?.ok ? 'text-green-800' : 'text-red-800'}>
        {state?.message}
      </p>
    </form>
  );
}
