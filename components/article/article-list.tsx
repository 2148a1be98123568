import Link from 'next/link';
import { Counters } from './counters';
import type { ArticleSummary } from '@/lib/article-summary';
import { formatLongDate, isoDate } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';
import { articlePath } from '@/lib/slug';

export type ArticleListItem = ArticleSummary;

type Props = { items: ArticleListItem[]; locale: Locale; t: Messages; headingLevel?: 'h2' | 'h3' };

export function ArticleList({ items, locale, t, headingLevel: Heading = 'h2' }: Props) {
  if (items.length === 0) return <p className="text-slate-600">{t.noArticles}</p>;
  return (
    <ol className="divide-y divide-slate-200">
      {items.map((a) => (
        <li key={a.id} className="py-5">
          <article lang={a.lang === locale ? undefined : a.lang}>
            <Heading className="text-xl font-semibold leading-snug">
              <Link href={articlePath(a)} className="hover:underline">
                {a.title}
              </Link>
            </Heading>
            <p className="mt-1 text-sm text-slate-500">
              <time dateTime={isoDate(a.publishedAt)}>{formatLongDate(a.publishedAt, locale)}</time>
              {a.outlet ? <span> · {a.outlet}</span> : null}
            </p>
            <Counters views={a.views} commentCount={a.commentCount} rating={a.rating} t={t} className="mt-1" />
            {a.summary ? <p className="mt-2 text-slate-800">{a.summary}</p> : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
