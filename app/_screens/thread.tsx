import 'server-only';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { Discussion } from '@/components/discussion/discussion';
import { WithSidebar } from '@/components/layout/with-sidebar';
import { getThread } from '@/db/queries/discussion';
import { formatLongDate, formatShortDateTime, isoDate } from '@/lib/dates';
import { messages } from '@/lib/i18n/messages';
import { discussionItems } from '@/lib/page-data';
import type { Locale } from '@/lib/i18n/locales';
import { parseIdSlug } from '@/lib/route-params';
import { articlePath } from '@/lib/slug';
import type { Viewer } from '@/lib/viewer';
import type { OpenForm } from '@/components/comments/types';
import { ThreadComments } from './comments';

function load(rawId: string) {
  const parsed = parseIdSlug(rawId);
  const thread = parsed && parsed.slug === null ? getThread(parsed.id) : null;
  if (!thread) notFound();
  return thread;
}

export function threadMetadata(rawId: string, page = 1): Metadata {
  const thread = load(rawId);
  return { title: page > 1 ? `${thread.title} (${page})` : thread.title };
}

type Props = { rawId: string; locale: Locale; viewer: Viewer | null; open?: OpenForm; page?: number };

/** A discussion: its title, time and count, and its comments (page `page` of them). */
export function ThreadScreen({ rawId, locale, viewer, open = null, page = 1 }: Props) {
  const thread = load(rawId);
  // An article's discussion lives on the article's own page; its later pages live here.
  if (page === 1 && thread.articleId !== null && thread.articleSlug !== null) {
    permanentRedirect(articlePath({ id: thread.articleId, slug: thread.articleSlug }));
  }
  const t = messages(locale);
  const path = page === 1 ? `/threads/${thread.id}` : `/threads/${thread.id}/page/${page}`;
  return (
    <WithSidebar sidebar={<Discussion items={discussionItems()} t={t} locale={locale} reloadHref={path} />}>
      <article aria-labelledby="thread-title">
        <h1 id="thread-title" className="text-3xl font-bold leading-tight">
          {thread.title}
        </h1>
        <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
          {thread.lastCommentAt !== null ? (
            <div className="flex gap-1">
              <dt>{t.lastComment}</dt>
              <dd>
                <time dateTime={isoDate(thread.lastCommentAt)} title={formatLongDate(thread.lastCommentAt, locale)}>
                  {formatShortDateTime(thread.lastCommentAt)}
                </time>
              </dd>
            </div>
          ) : null}
          <div className="flex gap-1">
            <dt>{t.comments}</dt>
            <dd className="font-semibold text-slate-800">{thread.commentCount}</dd>
          </div>
        </dl>
        {thread.articleId !== null && thread.articleSlug !== null ? (
          <p className="mt-4">
            {t.threadOfArticle}:{' '}
            <Link href={articlePath({ id: thread.articleId, slug: thread.articleSlug })} className="underline">
              {thread.articleTitle}
            </Link>
          </p>
        ) : thread.archived ? (
          <p className="mt-6 rounded border border-amber-300 bg-amber-50 p-4 text-slate-800">{t.threadArchived}</p>
        ) : null}
      </article>
      <ThreadComments threadId={thread.id} page={page} locale={locale} viewer={viewer} open={open} path={path} />
    </WithSidebar>
  );
}
