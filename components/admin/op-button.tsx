'use client';

import { useActionState } from 'react';
import type { FormActionFn } from '@/components/comments/types';

/** One moderation action as one button, answering beside it. */
export function OpButton({ action, fields, label, kind = 'plain' }: { action: FormActionFn; fields: Record<string, string | number>; label: string; kind?: 'plain' | 'primary' }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="inline-block">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        data-shortcut={label}
        className={kind === 'primary' ? 'rounded bg-green-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-green-900' : 'rounded border border-slate-400 px-3 py-1.5 text-sm hover:bg-slate-100'}
      >
        {label}
      </button>
      {state?.message ? (
        <span role="status" className={state.ok ? 'ml-2 text-sm text-green-800' : 'ml-2 text-sm text-red-800'}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
