'use client';

import { useActionState } from 'react';
import type { FormActionFn } from '@/components/comments/types';

type Settings = { premoderation: 'off' | 'all' | 'new-users'; firstN: number; bannedWords: string[]; suspectWords: string[] };
type Labels = { premoderation: string; off: string; all: string; newUsers: string; firstN: string; bannedWords: string; suspectWords: string; hint: string; save: string };

export function SettingsFields({ action, settings, labels }: { action: FormActionFn; settings: Settings; labels: Labels }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="mt-3 max-w-2xl space-y-4">
      <fieldset>
        <legend className="font-medium">{labels.premoderation}</legend>
        {(
          [
            ['off', labels.off],
            ['all', labels.all],
            ['new-users', labels.newUsers],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="block">
            <input type="radio" name="premoderation" value={value} defaultChecked={settings.premoderation === value} /> {label}
          </label>
        ))}
      </fieldset>
      <label className="block">
        <span className="font-medium">{labels.firstN}</span>
        <input name="firstN" type="number" min={0} max={1000} defaultValue={settings.firstN} className="ml-2 w-24 rounded border border-slate-400 px-2 py-1" />
      </label>
      <p id="words-hint" className="text-sm text-slate-600">
        {labels.hint}
      </p>
      <label className="block">
        <span className="font-medium">{labels.bannedWords}</span>
        <textarea name="bannedWords" rows={3} defaultValue={settings.bannedWords.join('\n')} aria-describedby="words-hint" className="block w-full rounded border border-slate-400 p-2" />
      </label>
      <label className="block">
        <span className="font-medium">{labels.suspectWords}</span>
        <textarea name="suspectWords" rows={3} defaultValue={settings.suspectWords.join('\n')} aria-describedby="words-hint" className="block w-full rounded border border-slate-400 p-2" />
      </label>
      <button type="submit" disabled={pending} className="rounded bg-slate-800 px-4 py-2 font-semibold text-white">
        {labels.save}
      </button>
      {state?.message ? (
        <p role="status" className={state.ok ? 'text-green-800' : 'text-red-800'}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
