import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SingleColumn } from '@/components/layout/with-sidebar';
import { Pagination } from '@/components/ui/pagination';
import { getPublicProfile } from '@/db/queries/users';
import { CommentBody } from '@/components/comments/comment-body';
import { listUserComments } from '@/db/queries/comments';
import { formatCommentTime, formatLongDate, isoDate } from '@/lib/dates';
import { articlePath } from '@/lib/slug';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { parseIdSlug } from '@/lib/route-params';

function load(rawId: string) {
  const parsed = parseIdSlug(rawId);
  const profile = parsed && parsed.slug === null ? getPublicProfile(parsed.id) : null;
  if (!profile) notFound();
  return profile;
}

export function profileMetadata(rawId: string, locale: Locale): Metadata {
  const p = load(rawId);
  return { title: p.deleted ? messages(locale).deletedUser : p.name };
}

/** A reader's public page: name, role, since when; their comments arrive with the comments issue. */
export function ProfileScreen({ rawId, locale, page = 1 }: { rawId: string; locale: Locale; page?: number }) {
  const t = messages(locale);
  const p = load(rawId);
  const comments = p.deleted ? { items: [], pages: 1 } : listUserComments(p.id, page);
  if (page > comments.pages) notFound();
  const hrefFor = (n: number) => (n === 1 ? `/users/${p.id}` : `/users/${p.id}/page/${n}`);
  return (
    <SingleColumn>
      <h1 className="text-3xl font-bold">{p.deleted ? t.deletedUser : p.name}</h1>
      {p.deleted ? null : (
        <dl className="mt-3 flex flex-wrap gap-x-6 text-sm text-slate-600">
          <div className="flex gap-1">
            <dt>{t.role}</dt>
            <dd>{t.roles[p.role]}</dd>
          </div>
          <div className="flex gap-1">
            <dt>{t.memberSince}</dt>
            <dd>
              <time dateTime={isoDate(p.createdAt)}>{formatLongDate(p.createdAt, locale)}</time>
            </dd>
          </div>
        </dl>
      )}
      <h2 className="mt-8 text-xl font-semibold">{t.userComments}</h2>
      {comments.items.length === 0 ? (
        <p className="mt-2 text-slate-600">{t.noCommentsYet}</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-200">
          {comments.items.map((c) => {
            const base = c.articleId !== null && c.articleSlug !== null ? articlePath({ id: c.articleId, slug: c.articleSlug }) : `/threads/${c.threadId}`;
            return (
              <li key={c.id} className="py-3">
                <p className="text-sm text-slate-500">
                  <a href={`${base}#c${c.number}`} className="font-medium text-slate-800 hover:underline">
                    {c.threadTitle} · №{c.number}
                  </a>{' '}
                  · <time dateTime={isoDate(c.createdAt)}>{formatCommentTime(c.createdAt)}</time>
                </p>
                <div className="mt-1">
                  <CommentBody text={c.body} />
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <Pagination page={page} pages={comments.pages} hrefFor={hrefFor} t={t} />
    </SingleColumn>
  );
}
