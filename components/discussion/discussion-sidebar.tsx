'use client';

import { useEffect, useRef, useState } from 'react';
import { useLive, type LiveMessage } from '@/components/live/use-live';

export type DiscussionItem = {
  id: number;
  title: string;
  href: string;
  commentCount: number;
  /** `dd.mm hh:mm` in the site's time zone, formatted on the server. */
  timeText: string;
  datetime: string;
};

type PluralForms = { one: string; few: string; many: string; other: string };

type Labels = {
  discussion: string;
  comments: string;
  update: string;
  /** `Update ({n})`: the button while `n` threads have news. */
  updateCount: string;
  /** `{n} discussions have news`, by plural category. */
  discussionsWithNews: PluralForms;
  updating: string;
  updated: string;
  updateFailed: string;
  lastComment: string;
};

type Props = {
  initial: DiscussionItem[];
  labels: Labels;
  locale: string;
  /** The page's own address: without JavaScript, Update is a link that reloads it. */
  reloadHref: string;
};

/** What we know of a thread with news: enough to tell whether a fetched list already shows it. */
type News = { seq: number; title: string; commentCount: number; datetime: string | null };

/** Polite announcements of the count wait for this much quiet, so a busy discussion does not chatter. */
const ANNOUNCE_AFTER_MS = 1500;

const fill = (template: string, n: number) => template.replace('{n}', String(n));

/** True when the list already shows the thread as the news describes it (nothing to update). */
function shows(items: DiscussionItem[], id: number, news: Omit<News, 'seq'>): boolean {
  const item = items.find((i) => i.id === id);
  if (!item) return news.datetime === null; // without comments it will not enter the list
  return item.title === news.title && item.commentCount === news.commentCount && item.datetime === news.datetime;
}

/**
 * The Discussion sidebar. The server renders it complete, with Update as a plain link; once
 * JavaScript runs, Update becomes a button that fetches the list and swaps it in place.
 *
 * Live `thread` events only count threads with news (the button reads `Update (N)`, and the count
 * is announced politely); the list itself moves only when the reader presses Update, so it never
 * jumps under them.
 */
export function DiscussionSidebar({ initial, labels, locale, reloadHref }: Props) {
  const [items, setItems] = useState(initial);
  const [enhanced, setEnhanced] = useState(false);
  const [busy, setBusy] = useState(false);
  const [statusText, setStatusText] = useState('');
  const [news, setNews] = useState<ReadonlyMap<number, News>>(() => new Map());
  const seq = useRef(0);

  // Progressive enhancement: swap the link for a button only once hydrated.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setEnhanced(true), []);

  function note(id: number, next: Omit<News, 'seq'>) {
    const entry = { ...next, seq: ++seq.current };
    setNews((current) => new Map(current).set(id, entry));
  }

  async function fetchList(): Promise<DiscussionItem[]> {
    const res = await fetch(`/api/discussion?lang=${encodeURIComponent(locale)}`, { cache: 'no-store' });
    if (!res.ok) throw new Error(String(res.status));
    return ((await res.json()) as { items: DiscussionItem[] }).items;
  }

  useLive((message: LiveMessage) => {
    if (message.type === 'thread') {
      const next = {
        title: message.title,
        commentCount: message.commentCount,
        datetime: message.lastCommentAt === null ? null : new Date(message.lastCommentAt).toISOString(),
      };
      if (!news.has(message.threadId) && shows(items, message.threadId, next)) return;
      note(message.threadId, next);
    } else if (message.type === 'reset') {
      // Events were missed (the server restarted, or the tab slept): find out what changed, without
      // moving the list.
      fetchList()
        .then((fresh) => {
          for (const item of fresh) {
            if (!shows(items, item.id, item)) note(item.id, item);
          }
          for (const item of items) {
            if (!fresh.some((f) => f.id === item.id)) note(item.id, { ...item, datetime: null });
          }
        })
        .catch(() => {});
    }
  });

  const count = news.size;
  const pluralRules = new Intl.PluralRules(locale);
  const newsText = (n: number) => {
    const category = pluralRules.select(n);
    return fill(category in labels.discussionsWithNews ? labels.discussionsWithNews[category as keyof PluralForms] : labels.discussionsWithNews.other, n);
  };

  // Announce the count once it has settled for a moment.
  useEffect(() => {
    if (count === 0) return;
    const timer = setTimeout(() => setStatusText(newsText(count)), ANNOUNCE_AFTER_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the count is news
  }, [count]);

  async function update() {
    const before = news; // what this update answers; news arriving meanwhile is kept
    setBusy(true);
    setStatusText(labels.updating);
    try {
      const fresh = await fetchList();
      setItems(fresh);
      setNews((current) => {
        const next = new Map(current);
        for (const [id, entry] of current) {
          if (before.get(id)?.seq === entry.seq || shows(fresh, id, entry)) next.delete(id);
        }
        return next;
      });
      setStatusText(labels.updated);
    } catch {
      setStatusText(labels.updateFailed);
    } finally {
      setBusy(false);
    }
  }

  const controlBase = 'rounded border bg-white px-3 py-1 text-sm font-medium hover:bg-slate-100 disabled:opacity-60';
  const controlClass = `${controlBase} border-slate-300 text-slate-800`;
  const newsClass = `${controlBase} border-sky-700 text-sky-900`;

  return (
    <aside aria-labelledby="discussion-heading" id="discussion" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 id="discussion-heading" className="text-lg font-semibold">
          {labels.discussion}
        </h2>
        {enhanced ? (
          <button
            type="button"
            onClick={update}
            disabled={busy}
            className={count > 0 ? newsClass : controlClass}
          >
            {count > 0 ? fill(labels.updateCount, count) : labels.update}
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
