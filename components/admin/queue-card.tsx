import { OpButton } from './op-button';
import { ReasonButton } from './hide-button';
import { CommentBody } from '@/components/comments/comment-body';
import type { FormActionFn } from '@/components/comments/types';
import type { Messages } from '@/lib/i18n/messages';

export type QueueCardItem = {
  id: number;
  number: number;
  body: string;
  status: 'visible' | 'pending' | 'hidden' | 'deleted';
  timeText: string;
  threadTitle: string;
  threadHref: string;
  parentBody: string | null;
  author: { id: number; name: string; comments: number; reportsAgainst: number; sanctions: number; banned: boolean };
  reports: number;
  reasons: string[];
};

type Props = { item: QueueCardItem; t: Messages; hideAction: FormActionFn; opAction: FormActionFn; bulkForm: string };

/** A comment in a queue, with its context and the moderator's actions. Focusable for j/k. */
export function QueueCard({ item, t, hideAction, opAction, bulkForm }: Props) {
  return (
    <li>
      <article data-queue-item tabIndex={0} aria-labelledby={`q-${bulkForm}-${item.id}`} className="rounded border border-slate-300 p-3 focus:bg-amber-50">
        <header className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <input type="checkbox" name="ids" value={item.id} form={bulkForm} aria-label={`${t.select} №${item.number}`} className="h-4 w-4" />
          <h3 className="font-semibold">
            <a id={`q-${bulkForm}-${item.id}`} href={item.threadHref} className="hover:underline">
              №{item.number} · {item.threadTitle}
            </a>
          </h3>
          <span>
            <a href={`/users/${item.author.id}`} className="underline">
              {item.author.name}
            </a>{' '}
            <span className="text-slate-600">({t.authorHistory(item.author.comments, item.author.reportsAgainst, item.author.sanctions)})</span>
          </span>
          <span className="text-slate-600">{item.timeText}</span>
          {item.reports > 0 ? (
            <span className="rounded bg-red-100 px-2 text-red-900">
              {t.reportsCount(item.reports)}: {item.reasons.map((r) => t.reasons[r as keyof Messages['reasons']] ?? r).join(', ')}
            </span>
          ) : null}
          {item.status !== 'visible' ? <span className="rounded bg-slate-200 px-2">{item.status}</span> : null}
        </header>
        {item.parentBody ? (
          <blockquote className="mt-2 border-l-2 border-slate-300 pl-2 text-sm text-slate-600">
            <span className="font-medium">{t.inReplyToText}: </span>
            {item.parentBody.slice(0, 300)}
          </blockquote>
        ) : null}
        <div className="mt-2">
          <CommentBody text={item.body} />
        </div>
        <div className="mt-3 flex flex-wrap items-start gap-2">
          {item.status === 'visible' || item.status === 'pending' ? <ReasonButton action={hideAction} fields={{ commentId: item.id }} label={t.hide} reasonLabel={t.reason} /> : null}
          {item.status === 'hidden' ? <OpButton action={opAction} fields={{ commentId: item.id, op: 'restore' }} label={t.restore} /> : null}
          {item.status === 'pending' ? <OpButton action={opAction} fields={{ commentId: item.id, op: 'approve' }} label={t.approve} kind="primary" /> : null}
          {item.reports > 0 ? <OpButton action={opAction} fields={{ commentId: item.id, op: 'dismiss' }} label={t.dismissReports} /> : null}
          <a href={item.threadHref} className="rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100">
            {t.openThread}
          </a>
        </div>
      </article>
    </li>
  );
}
