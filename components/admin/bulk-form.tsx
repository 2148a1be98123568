'use client';

import { useActionState } from 'react';
import type { FormActionFn } from '@/components/comments/types';

type Labels = { selected: string; apply: string; hide: string; approve: string; dismiss: string; restore: string; reason: string };

/** One action for every checked comment of a queue (the checkboxes join this form by its id). */
export function BulkForm({ formId, action, labels }: { formId: string; action: FormActionFn; labels: Labels }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form id={formId} action={formAction} className="mt-2 flex flex-wrap items-end gap-2 text-sm">
      <label className="flex flex-col">
        {labels.selected}
        <select name="op" className="rounded border border-slate-400 px-2 py-1">
          <option value="approve">{labels.approve}</option>
          <option value="dismiss">{labels.dismiss}</option>
          <option value="hide">{labels.hide}</option>
          <option value="restore">{labels.restore}</option>
        </select>
      </label>
      <label className="flex flex-col">
        {labels.selected}: {labels.reason.toLowerCase()}
        <input name="reason" maxLength={500} className="rounded border border-slate-400 px-2 py-1" />
      </label>
      <button type="submit" disabled={pending} className="rounded border border-slate-500 px-3 py-1">
        {labels.apply}
      </button>
      {state?.message ? (
        <span role="status" className={state.ok ? 'text-green-800' : 'text-red-800'}>
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
