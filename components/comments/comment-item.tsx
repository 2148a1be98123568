'use client';

import Form from 'next/form';
import { useActionState } from 'react';
import { ActionButton } from './action-button';
import { CommentBody } from './comment-body';
import { CommentForm } from './comment-form';
import type { CommentActions, CommentViewer, OpenForm } from './types';
import { MAX_INDENT, type CommentDTO } from '@/lib/comments/types';
import type { Locale } from '@/lib/i18n/locales';
import { commentMessages, type CommentMessages } from '@/lib/i18n/comment-messages';

type Props = {
  comment: CommentDTO;
  locale: Locale;
  viewer: CommentViewer;
  actions: CommentActions | null;
  open: OpenForm;
  /** The page's own address (without query), to come back to after a write. */
  path: string;
};

const small = 'rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 aria-pressed:bg-slate-800 aria-pressed:text-white';

/** One comment: an `article` with its author, time, number, text and the controls a reader may use. */
export function CommentItem({ comment: c, locale, viewer, actions, open, path }: Props) {
  const t = commentMessages(locale);
  const indent = Math.min(c.depth, MAX_INDENT);
  const own = viewer !== null && viewer.id === c.author.id;
  const live = c.status === 'visible' || c.status === 'pending';
  const canAct = viewer !== null && !viewer.banned && actions !== null;
  const authorName = c.author.deleted ? t.deletedUser : c.author.name;
  const isOpen = (kind: 'reply' | 'report' | 'edit') => open?.kind === kind && open.commentId === c.id;
  const returnTo = path;

  // Controls that need an account: a signed-out reader is taken to log in and brought back here.
  const toggle = (kind: 'reply' | 'report' | 'edit', label: string) =>
    canAct ? (
      <Form action={path} scroll={false} className="inline">
        <input type="hidden" name={kind} value={c.id} />
        <button type="submit" className={small}>
          {label}
        </button>
      </Form>
    ) : (
      <form action="/login" method="get" className="inline">
        <input type="hidden" name="callbackUrl" value={`${path}#comment-${c.id}`} />
        <button type="submit" className={small}>
          {label}
        </button>
      </form>
    );

  return (
    <article
      id={`comment-${c.id}`}
      aria-labelledby={`comment-${c.id}-head`}
      className="scroll-mt-20 border-l-2 border-slate-200 py-3 pl-3"
      style={{ marginLeft: `${indent * 1.25}rem` }}
    >
      <span id={`c${c.number}`} />
      <header id={`comment-${c.id}-head`} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        {/* The author's name is the comment's heading (h3 under the section's "Comments" h2). */}
        <h3 className="font-semibold">
          {c.author.deleted ? (
            <span className="italic text-slate-600">{authorName}</span>
          ) : (
            <a href={`/users/${c.author.id}`} className="text-slate-900 hover:underline">
              {authorName}
            </a>
          )}
        </h3>
        <time dateTime={new Date(c.createdAt).toISOString()} className="text-slate-500">
          {c.timeText}
        </time>
        <a href={`${path}#c${c.number}`} className="text-slate-500 hover:underline" aria-label={`№${c.number}`}>
          №{c.number}
        </a>
        {c.editedAt ? <span className="text-slate-500">({t.edited})</span> : null}
        {c.depth > MAX_INDENT && c.parentNumber !== null ? (
          <a href={`${path}#c${c.parentNumber}`} className="text-slate-500 hover:underline">
            {t.inReplyTo(c.parentNumber, c.parentAuthor ?? '')}
          </a>
        ) : null}
        <span className="text-slate-600">
          <span className="sr-only">{t.score}: </span>
          <span className="text-green-800">+{c.upvotes}</span> <span className="text-red-800">−{c.downvotes}</span>
        </span>
      </header>

      <div className="mt-1 text-slate-900">
        {c.status === 'deleted' ? (
          <p className="italic text-slate-500">{t.deletedComment}</p>
        ) : c.status === 'hidden' ? (
          <p className="italic text-slate-500">{t.hiddenComment(c.moderationReason ?? '')}</p>
        ) : (
          <>
            {c.status === 'pending' ? <p className="mb-1 text-sm font-medium text-amber-800">{t.pendingComment}</p> : null}
            {isOpen('edit') && actions && own ? (
              <CommentForm action={actions.edit} locale={locale} id={`edit-${c.id}`} submit={t.save} defaultValue={c.body} hidden={{ commentId: c.id, returnTo }} autoFocus />
            ) : (
              <CommentBody text={c.body} />
            )}
          </>
        )}
      </div>

      {live ? (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          {toggle('reply', t.reply)}
          {c.reportedByMe ? (
            <button type="button" disabled className={`${small} opacity-70`}>
              {t.reported}
            </button>
          ) : (
            toggle('report', t.report)
          )}
          {canAct && !own && actions ? (
            <>
              <ActionButton action={actions.vote} label={t.voteUp} pressed={c.myVote === 1} fields={{ commentId: c.id, value: c.myVote === 1 ? 0 : 1, returnTo }} className={small} />
              <ActionButton action={actions.vote} label={t.voteDown} pressed={c.myVote === -1} fields={{ commentId: c.id, value: c.myVote === -1 ? 0 : -1, returnTo }} className={small} />
            </>
          ) : !own ? (
            <>
              <form action="/login" method="get" className="inline">
                <input type="hidden" name="callbackUrl" value={`${path}#comment-${c.id}`} />
                <button type="submit" className={small}>
                  {t.voteUp}
                </button>
              </form>
              <form action="/login" method="get" className="inline">
                <input type="hidden" name="callbackUrl" value={`${path}#comment-${c.id}`} />
                <button type="submit" className={small}>
                  {t.voteDown}
                </button>
              </form>
            </>
          ) : null}
          {own && canAct && actions ? (
            <>
              {c.editable ? toggle('edit', t.edit) : null}
              <ActionButton action={actions.remove} label={t.delete} fields={{ commentId: c.id, returnTo }} className={small} />
            </>
          ) : null}
        </div>
      ) : null}

      {isOpen('reply') && canAct && actions ? (
        <section aria-label={t.replyTo(c.number)} className="mt-2">
          <CommentForm action={actions.post} locale={locale} id={`reply-${c.id}`} submit={t.postComment} hidden={{ threadId: c.threadId, parentId: c.id, returnTo }} autoFocus />
        </section>
      ) : null}
      {isOpen('report') && canAct && actions && !c.reportedByMe ? <ReportForm comment={c} locale={locale} action={actions.report} returnTo={returnTo} /> : null}
    </article>
  );
}

function ReportForm({ comment, locale, action, returnTo }: { comment: CommentDTO; locale: Locale; action: CommentActions['report']; returnTo: string }) {
  const t = commentMessages(locale);
  return (
    <section aria-label={t.reporting(comment.number)} className="mt-2 rounded border border-slate-300 p-3">
      <ReportFields comment={comment} locale={locale} action={action} returnTo={returnTo} t={t} />
    </section>
  );
}


function ReportFields({ comment, action, returnTo, t }: { comment: CommentDTO; locale: Locale; action: CommentActions['report']; returnTo: string; t: CommentMessages }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const reasons = ['spam', 'abuse', 'off-topic', 'other'] as const;
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="commentId" value={comment.id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <fieldset>
        <legend id={`reason-${comment.id}`} className="font-medium">
          {t.reason}
        </legend>
        {reasons.map((r, i) => (
          <label key={r} className="mr-4 inline-flex items-center gap-1">
            <input type="radio" name="reason" value={r} defaultChecked={i === 0} /> {t.reasons[r]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`details-${comment.id}`} className="block font-medium">
        {t.details}
      </label>
      <textarea id={`details-${comment.id}`} name="details" rows={2} maxLength={1000} defaultValue={state?.values?.details} className="block w-full rounded border border-slate-400 p-2" />
      <p role="alert" className="text-sm text-red-800">
        {state && !state.ok ? state.message : null}
      </p>
      <button type="submit" disabled={pending} className="rounded bg-slate-800 px-3 py-1.5 font-semibold text-white">
        {t.sendReport}
      </button>
    </form>
  );
}
