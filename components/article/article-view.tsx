import Link from 'next/link';
import { LiveCounters } from './live-counters';
import { formatLongDate, isoDate } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';

export type ArticleViewModel = {
  id: number;
  lang: 'en' | 'ru';
  title: string;
  views: number;
  commentCount: number;
  rating: number;
  imageCredit: string | null;
  outlet: string | null;
  originalHeadline: string | null;
  summary: string | null;
  pullQuote: string | null;
  bylineName: string | null;
  bylineOriginal: string | null;
  body: string[];
  rightsLine: string | null;
  licenceNote: string | null;
  originalLinkText: string | null;
  disclaimer: string | null;
  publishedAt: number;
  mentions: Array<{ slug: string; name: string }>;
};

type Props = { article: ArticleViewModel; locale: Locale; t: Messages; ratingControls?: React.ReactNode };

/** The article in the capture's order: every piece of it, text exactly as authored. */
export function ArticleView({ article: a, locale, t, ratingControls }: Props) {
  const hasRights = a.rightsLine || a.licenceNote || a.originalLinkText || a.disclaimer;
  return (
    <article lang={a.lang === locale ? undefined : a.lang} aria-labelledby="article-title">
      <header>
        <h1 id="article-title" className="text-3xl font-bold leading-tight text-slate-900">
          {a.title}
        </h1>
        <p className="mt-2 text-sm text-slate-500">
          <time dateTime={isoDate(a.publishedAt)}>{formatLongDate(a.publishedAt, locale)}</time>
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <LiveCounters articleId={a.id} views={a.views} commentCount={a.commentCount} rating={a.rating} labels={{ views: t.views, comments: t.comments, rating: t.rating }} />
          {ratingControls}
        </div>
        {a.imageCredit ? <p className="mt-3 text-xs text-slate-500">{a.imageCredit}</p> : null}
      </header>

      {a.outlet || a.originalHeadline ? (
        <p className="mt-6 font-semibold text-slate-900">
          {a.outlet ? <span>{a.outlet}: </span> : null}
          {a.originalHeadline}
        </p>
      ) : null}
      {a.summary ? <p className="mt-2 text-lg text-slate-800">{a.summary}</p> : null}

      {a.pullQuote ? (
        <blockquote className="my-6 border-l-4 border-red-700 pl-4 text-lg italic text-slate-800">
          <p>{a.pullQuote}</p>
        </blockquote>
      ) : null}

      {a.bylineName ? (
        <p className="mt-6 text-sm font-semibold text-slate-700">
          <span className="sr-only">{t.byline}: </span>
          {a.bylineName}
          {a.bylineOriginal ? <span> ({a.bylineOriginal})</span> : null}
        </p>
      ) : null}

      <div className="mt-3 space-y-4 text-base leading-relaxed text-slate-900">
        {a.body.map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </div>

      {hasRights ? (
        <footer className="mt-8 space-y-1 border-t border-slate-200 pt-4 text-sm text-slate-600">
          <h2 className="sr-only">{t.rights}</h2>
          {a.rightsLine ? <p>{a.rightsLine}</p> : null}
          {a.licenceNote ? <p>{a.licenceNote}</p> : null}
          {a.originalLinkText ? <p>{a.originalLinkText}</p> : null}
          {a.disclaimer ? <p>{a.disclaimer}</p> : null}
        </footer>
      ) : null}

      <section aria-labelledby="mentions-heading" className="mt-8">
        <h2 id="mentions-heading" className="text-lg font-semibold">
          {t.newsMentions}
        </h2>
        {a.mentions.length > 0 ? (
          <ul className="mt-2 flex flex-wrap gap-2">
            {a.mentions.map((m) => (
              <li key={m.slug}>
                <Link
                  href={`/mentions/${m.slug}`}
                  className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100"
                >
                  {m.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t.noMentions}</p>
        )}
      </section>
    </article>
  );
}
