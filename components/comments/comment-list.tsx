'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { CommentItem } from './comment-item';
import type { CommentActions, CommentViewer, OpenForm } from './types';
import { useLive } from '@/components/live/use-live';
import { treeOrder } from '@/lib/comments/tree';
import type { CommentDTO } from '@/lib/comments/types';
import type { Locale } from '@/lib/i18n/locales';
import { commentMessages } from '@/lib/i18n/comment-messages';

type Props = {
  threadId: number;
  initial: CommentDTO[];
  locale: Locale;
  viewer: CommentViewer;
  actions: CommentActions | null;
  open: OpenForm;
  path: string;
  /** Only the last page takes new comments in: earlier pages are complete. */
  acceptsNew: boolean;
};

/**
 * The thread's comments. Rendered on the server in full; once JavaScript runs it follows the live
 * stream: others' new comments wait behind "Show N new comments" (nothing jumps under the reader),
 * edits, deletions and hides apply in place.
 */
export function CommentList({ threadId, initial, locale, viewer, actions, open, path, acceptsNew }: Props) {
  const t = commentMessages(locale);
  const [comments, setComments] = useState(initial);
  const [waiting, setWaiting] = useState<CommentDTO[]>([]);
  const pendingNumbers = useRef(new Set<number>());
  const highest = useRef(Math.max(0, ...initial.map((c) => c.number)));

  // After one of the reader's own actions the server sends the thread afresh: take it as the truth.
  const [rendered, setRendered] = useState(initial);
  if (rendered !== initial) {
    setRendered(initial);
    setComments(initial);
    setWaiting((list) => list.filter((w) => !initial.some((c) => c.id === w.id)));
  }
  useEffect(() => {
    highest.current = Math.max(highest.current, ...initial.map((c) => c.number));
  }, [initial]);

  const fetchNew = useCallback(async () => {
    const res = await fetch(`/api/threads/${threadId}/comments?after=${highest.current}`, { cache: 'no-store' });
    if (!res.ok) return;
    const body = (await res.json()) as { comments: CommentDTO[] };
    const fresh = body.comments.filter((c) => !pendingNumbers.current.has(c.number));
    for (const c of fresh) {
      pendingNumbers.current.add(c.number);
      highest.current = Math.max(highest.current, c.number);
    }
    // One's own comment comes in at once; others' wait for the reader to ask.
    const mine = fresh.filter((c) => viewer && c.author.id === viewer.id);
    const theirs = fresh.filter((c) => !viewer || c.author.id !== viewer.id);
    if (mine.length) setComments((list) => treeOrder([...list.filter((c) => !mine.some((m) => m.id === c.id)), ...mine]));
    if (theirs.length) setWaiting((w) => [...w, ...theirs]);
  }, [threadId, viewer]);

  const refreshOne = useCallback(async (commentId: number) => {
    const res = await fetch(`/api/comments/${commentId}`, { cache: 'no-store' });
    if (res.status === 404) {
      setComments((list) => list.filter((c) => c.id !== commentId));
      return;
    }
    if (!res.ok) return;
    const { comment } = (await res.json()) as { comment: CommentDTO };
    setComments((list) => list.map((c) => (c.id === commentId ? comment : c)));
    setWaiting((list) => list.map((c) => (c.id === commentId ? comment : c)));
  }, []);

  useLive((event) => {
    if (event.type === 'reset') {
      if (acceptsNew) void fetchNew();
      return;
    }
    if (!('threadId' in event) || event.threadId !== threadId) return;
    if (event.type === 'comment-added' && acceptsNew && event.number > highest.current) void fetchNew();
    if (event.type === 'comment-changed' && comments.some((c) => c.id === event.commentId)) void refreshOne(event.commentId);
  });

  const reveal = () => {
    setComments((list) => treeOrder([...list, ...waiting.filter((w) => !list.some((c) => c.id === w.id))]));
    setWaiting([]);
  };

  return (
    <div>
      {waiting.length > 0 ? (
        <button type="button" onClick={reveal} className="mb-3 rounded bg-blue-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-900">
          {t.showNew(waiting.length)}
        </button>
      ) : null}
      <p role="status" aria-live="polite" className="sr-only">
        {waiting.length > 0 ? t.showNew(waiting.length) : ''}
      </p>
      {comments.length === 0 ? <p className="text-slate-600">{t.noComments}</p> : null}
      <ol className="space-y-1">
        {comments.map((c) => (
          <li key={c.id}>
            <CommentItem comment={c} locale={locale} viewer={viewer} actions={actions} open={open} path={path} />
          </li>
        ))}
      </ol>
    </div>
  );
}
