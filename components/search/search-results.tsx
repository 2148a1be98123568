import Link from 'next/link';
import { Counters } from '@/components/article/counters';
import { Highlighted } from './highlighted';
import { formatLongDate, isoDate } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';
import type { SearchHit } from '@/lib/search/search';
import { articlePath } from '@/lib/slug';

type Props = { items: SearchHit[]; locale: Locale; t: Messages; start: number };

/** One page of results: title and snippet with the matched words marked. */
export function SearchResults({ items, locale, t, start }: Props) {
  return (
    <ol start={start} className="divide-y divide-slate-200">
      {items.map((a) => (
        <li key={a.id} className="py-5">
          <article lang={a.lang === locale ? undefined : a.lang}>
            <h2 className="text-xl font-semibold leading-snug">
              <Link href={articlePath(a)} className="hover:underline">
                <Highlighted segments={a.titleSegments} />
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-500">
              <time dateTime={isoDate(a.publishedAt)}>{formatLongDate(a.publishedAt, locale)}</time>
              {a.outlet ? <span> · {a.outlet}</span> : null}
            </p>
            <Counters views={a.views} commentCount={a.commentCount} rating={a.rating} t={t} className="mt-1" />
            {a.snippet.length > 0 ? (
              <p className="mt-2 text-slate-800">
                <Highlighted segments={a.snippet} />
              </p>
            ) : null}
            {a.mentions.length > 0 ? (
              <p className="mt-1 text-sm text-slate-600">
                {t.searchMatchedMentions}:{' '}
                {a.mentions.map((name, i) => (
                  <span key={name}>
                    {i > 0 ? ', ' : null}
                    <mark className="rounded-sm bg-yellow-200 px-0.5 text-inherit">{name}</mark>
                  </span>
                ))}
              </p>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
