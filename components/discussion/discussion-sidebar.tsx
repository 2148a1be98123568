'use client';

import { useEffect, useState } from 'react';

export type DiscussionItem = {
  id: number;
  title: string;
  href: string;
  commentCount: number;
  /** `dd.mm hh:mm` in the site's time zone, formatted on the server. */
  timeText: string;
  datetime: string;
};

type Labels = { discussion: string; comments: string; update: string; updating: string; updated: string; updateFailed: string; lastComment: string };

type Props = {
  initial: DiscussionItem[];
  labels: Labels;
  locale: string;
  /** The page's own address: without JavaScript, Update is a link that reloads it. */
  reloadHref: string;
};

/**
 * The Discussion sidebar. The server renders it complete, with Update as a plain link; once
 * JavaScript runs, Update becomes a button that fetches the list and swaps it in place.
 */
export function DiscussionSidebar({ initial, labels, locale, reloadHref }: Props) {
  const [items, setItems] = useState(initial);
  const [enhanced, setEnhanced] = useState(false);
  const [status, setStatus] = useState<'idle' | 'busy' | 'done' | 'failed'>('idle');

  // Progressive enhancement: swap the link for a button only once hydrated.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setEnhanced(true), []);

  async function update() {
    setStatus('busy');
    try {
      const res = await fetch(`/api/discussion?lang=${locale}`, { cache: 'no-store' });
      if (!res.ok) throw new Error(String(res.status));
      const body = (await res.json()) as { items: DiscussionItem[] };
      setItems(body.items);
      setStatus('done');
    } catch {
      setStatus('failed');
    }
  }

  const controlClass =
    'rounded border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60';
  const statusText = status === 'busy' ? labels.updating : status === 'done' ? labels.updated : status === 'failed' ? labels.updateFailed : '';

  return (
    <aside aria-labelledby="discussion-heading" id="discussion" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 id="discussion-heading" className="text-lg font-semibold">
          {labels.discussion}
        </h2>
        {enhanced ? (
          <button type="button" onClick={update} disabled={status === 'busy'} className={controlClass}>
            {labels.update}
          </button>
        ) : (
          <a href={reloadHref} className={controlClass}>
            {labels.update}
          </a>
        )}
      </div>
      <p role="status" aria-live="polite" className="sr-only">
        {statusText}
      </p>
      <ol className="mt-3 space-y-3">
        {items.map((item) => (
          <li key={item.id} className="text-sm">
            <div className="flex gap-3 text-slate-500">
              <time dateTime={item.datetime} title={labels.lastComment}>
                {item.timeText}
              </time>
              <span>
                <svg aria-hidden="true" viewBox="0 0 16 16" className="mr-1 inline h-3.5 w-3.5 fill-current align-[-2px]">
                  <path d="M2 2h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6l-3.5 3v-3H2a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1z" />
                </svg>
                <span className="sr-only">{labels.comments}: </span>
                {item.commentCount}
              </span>
            </div>
            <a href={item.href} className="font-medium text-slate-900 hover:underline">
              {item.title}
            </a>
          </li>
        ))}
      </ol>
    </aside>
  );
}
