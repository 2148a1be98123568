import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { Discussion } from '@/components/discussion/discussion';
import { WithSidebar } from '@/components/layout/with-sidebar';
import { getThread } from '@/db/queries/discussion';
import { formatLongDate, formatShortDateTime, isoDate } from '@/lib/dates';
import { messages } from '@/lib/i18n/messages';
import { discussionItems } from '@/lib/page-data';
import { localeFrom, parseIdSlug } from '@/lib/route-params';
import { articlePath } from '@/lib/slug';

export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ lang: string; id: string }>;

async function load(params: Params) {
  const parsed = parseIdSlug((await params).id);
  const thread = parsed && parsed.slug === null ? getThread(parsed.id) : null;
  if (!thread) notFound();
  return thread;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const thread = await load(params);
  return { title: thread.title };
}

export default async function ThreadPage({ params }: { params: Params }) {
  const locale = await localeFrom(params);
  const thread = await load(params);
  // An article's discussion lives on the article's own page.
  if (thread.articleId !== null && thread.articleSlug !== null) {
    permanentRedirect(articlePath({ id: thread.articleId, slug: thread.articleSlug }));
  }
  const t = messages(locale);
  const path = `/threads/${thread.id}`;
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
        <p className="mt-6 rounded border border-amber-300 bg-amber-50 p-4 text-slate-800">{t.threadArchived}</p>
        <p className="mt-6">
          <Link href="/" className="underline">
            {t.backHome}
          </Link>
        </p>
      </article>
    </WithSidebar>
  );
}
