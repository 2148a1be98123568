'use client';

import { useActionState } from 'react';
import type { FormActionFn } from './types';

type Props = {
  action: FormActionFn;
  fields: Record<string, string | number>;
  label: string;
  pressed?: boolean;
  className?: string;
  children?: React.ReactNode;
};

/** One button that posts a wrapped server action; a refusal is shown beside it and announced. */
export function ActionButton({ action, fields, label, pressed, className, children }: Props) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="inline">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" aria-pressed={pressed} disabled={pending} className={className} aria-label={children ? label : undefined}>
        {children ?? label}
      </button>
      {state && !state.ok ? (
        <span role="alert" className="ml-2 text-sm text-red-800">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
