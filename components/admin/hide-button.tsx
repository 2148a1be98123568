'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import type { FormActionFn } from '@/components/comments/types';

type Props = { action: FormActionFn; fields: Record<string, string | number>; label: string; reasonLabel: string; extra?: React.ReactNode };

/**
 * A button that asks for a Reason before it acts (Hide, Ban): the first press opens the Reason
 * box, the second (same name) confirms. Without JavaScript the box is simply always there.
 */
export function ReasonButton({ action, fields, label, reasonLabel, extra }: Props) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const [enhanced, setEnhanced] = useState(false);
  const [open, setOpen] = useState(false);
  const reasonRef = useRef<HTMLInputElement>(null);
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setEnhanced(true), []);
  useEffect(() => {
    if (open) reasonRef.current?.focus();
  }, [open]);
  const id = `reason-${Object.values(fields).join('-')}-${label.replace(/\W/g, '')}`;
  const showForm = !enhanced || open;
  return (
    <div className="inline-block">
      {showForm ? (
        <form action={formAction} className="flex flex-wrap items-end gap-2" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <span className="flex flex-col">
            <label htmlFor={id} className="text-sm font-medium">
              {reasonLabel}
            </label>
            <input ref={reasonRef} id={id} name="reason" required maxLength={500} className="rounded border border-slate-400 px-2 py-1" />
          </span>
          {extra}
          <button type="submit" disabled={pending} data-shortcut={label} className="rounded bg-red-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-900">
            {label}
          </button>
        </form>
      ) : (
        <button type="button" data-shortcut={label} onClick={() => setOpen(true)} className="rounded bg-red-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-900">
          {label}
        </button>
      )}
      {state?.message ? (
        <p role="status" className={state.ok ? 'text-sm text-green-800' : 'text-sm text-red-800'}>
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
