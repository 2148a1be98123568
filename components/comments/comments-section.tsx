import Link from 'next/link';
import { ActionButton } from './action-button';
import { CommentForm } from './comment-form';
import { CommentList } from './comment-list';
import type { CommentActions, OpenForm } from './types';
import type { CommentDTO } from '@/lib/comments/types';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import type { Viewer } from '@/lib/viewer';

type Props = {
  threadId: number;
  comments: CommentDTO[];
  page: number;
  pages: number;
  locale: Locale;
  viewer: Viewer | null;
  actions: CommentActions | null;
  open: OpenForm;
  /** This page's address; `pageHref(n)` the address of page n of the comments. */
  path: string;
  pageHref: (n: number) => string;
};

/** The Comments block of an article or thread page. */
export function CommentsSection({ threadId, comments, page, pages, locale, viewer, actions, open, path, pageHref }: Props) {
  const t = messages(locale);
  const back = `?callbackUrl=${encodeURIComponent(path)}`;
  return (
    <section aria-labelledby="comments-heading" className="mt-10 border-t border-slate-200 pt-6">
      <h2 id="comments-heading" className="text-xl font-semibold">
        {t.comments}
      </h2>
      {!viewer ? (
        <p className="mt-3 text-slate-700">
          {t.commentPromptBefore}{' '}
          <Link href={`/register${back}`} className="underline">
            {t.register}
          </Link>{' '}
          {t.commentPromptAnd}{' '}
          <Link href={`/login${back}`} className="underline">
            {t.logIn}
          </Link>
        </p>
      ) : viewer.banned ? (
        <p className="mt-3 rounded border border-amber-400 bg-amber-50 p-3 text-slate-800">{t.bannedNotice}</p>
      ) : actions ? (
        <CommentForm action={actions.post} locale={locale} id="new-comment" submit={t.postComment} hidden={{ threadId, returnTo: path }} />
      ) : null}
      <div className="mt-6">
        <CommentList
          threadId={threadId}
          initial={comments}
          locale={locale}
          viewer={viewer ? { id: viewer.id, banned: viewer.banned } : null}
          actions={actions}
          open={open}
          path={path}
         
          acceptsNew={page === pages}
        />
      </div>
      {pages > 1 ? (
        <nav aria-label={t.commentPages} className="mt-4 flex flex-wrap items-center gap-4 text-sm">
          {page > 1 ? (
            <a href={pageHref(page - 1)} rel="prev" className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
              ← {t.earlierComments}
            </a>
          ) : null}
          <span aria-current="page">{t.pageOf(page, pages)}</span>
          {page < pages ? (
            <a href={pageHref(page + 1)} rel="next" className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-100">
              {t.loadMore} →
            </a>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

/** + / − for the article's Rating, for signed-in readers. */
export function RatingControls({ articleId, myVote, action, locale, path }: { articleId: number; myVote: number; action: CommentActions['vote']; locale: Locale; path: string }) {
  const t = messages(locale);
  const cls = 'rounded border border-slate-300 px-2 py-0.5 text-sm font-bold hover:bg-slate-100 aria-pressed:bg-slate-800 aria-pressed:text-white';
  return (
    <span className="inline-flex gap-1">
      <ActionButton action={action} label={t.rateUp} pressed={myVote === 1} fields={{ articleId, value: myVote === 1 ? 0 : 1, returnTo: path }} className={cls}>
        +
      </ActionButton>
      <ActionButton action={action} label={t.rateDown} pressed={myVote === -1} fields={{ articleId, value: myVote === -1 ? 0 : -1, returnTo: path }} className={cls}>
        −
      </ActionButton>
    </span>
  );
}
