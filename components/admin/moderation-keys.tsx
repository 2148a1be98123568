'use client';

import { useEffect, useRef, useState } from 'react';

type Props = { labels: { hide: string; approve: string; dismiss: string; title: string; help: string; close: string } };

/**
 * Keyboard shortcuts over the queues: j/k move between comments, h hides, a approves,
 * d dismisses reports, ? shows the help. Nothing fires while the moderator is typing.
 */
export function ModerationKeys({ labels }: Props) {
  const [help, setHelp] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (help) dialog.current?.showModal();
    else dialog.current?.close();
  }, [help]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const items = [...document.querySelectorAll<HTMLElement>('[data-queue-item]')];
      const current = items.findIndex((el) => el === document.activeElement || el.contains(document.activeElement));
      const press = (label: string) => {
        const item = items[current];
        const button = item?.querySelector<HTMLButtonElement>(`button[data-shortcut="${CSS.escape(label)}"]`);
        if (button) {
          e.preventDefault();
          button.click();
        }
      };
      if (e.key === 'j' || e.key === 'k') {
        if (items.length === 0) return;
        e.preventDefault();
        const next = e.key === 'j' ? Math.min(items.length - 1, current + 1) : Math.max(0, current - 1);
        items[next]?.focus();
      } else if (e.key === 'h') press(labels.hide);
      else if (e.key === 'a') press(labels.approve);
      else if (e.key === 'd') press(labels.dismiss);
      else if (e.key === '?') {
        e.preventDefault();
        setHelp((h) => !h);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [labels]);

  return (
    <dialog ref={dialog} onClose={() => setHelp(false)} aria-labelledby="shortcuts-title" className="rounded-lg p-6 shadow-xl">
      <h2 id="shortcuts-title" className="text-lg font-semibold">
        {labels.title}
      </h2>
      <p className="mt-2">{labels.help}</p>
      <button type="button" onClick={() => setHelp(false)} className="mt-4 rounded border border-slate-400 px-3 py-1">
        {labels.close}
      </button>
    </dialog>
  );
}
