import 'server-only';
import Link from 'next/link';
import type { Metadata } from 'next';
import { SingleColumn } from '@/components/layout/with-sidebar';
import { SearchResults } from '@/components/search/search-results';
import { Pagination } from '@/components/ui/pagination';
import { searchArticles } from '@/db/queries/search';
import { formatNumber } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { normaliseQuery } from '@/lib/search/query';
import { RESULTS_PER_PAGE } from '@/lib/search/search';
import { feedAlternates } from '@/lib/seo/metadata';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** `?q=…&page=N` as the reader sent it: anything odd is an empty query or page 1, never an error. */
export async function searchInput(searchParams: SearchParams): Promise<{ q: string; page: number }> {
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  const rawPage = first(params.page);
  return { q: normaliseQuery(first(params.q)), page: /^[1-9]\d{0,5}$/.test(rawPage) ? Number(rawPage) : 1 };
}

export const searchHref = (q: string, page: number) => `/search?q=${encodeURIComponent(q)}${page > 1 ? `&page=${page}` : ''}`;

export function searchMetadata(locale: Locale, q: string): Metadata {
  const t = messages(locale);
  return {
    title: q ? t.searchResultsFor(q) : t.searchTitle,
    // Result pages are for readers; engines get the articles through the sitemap.
    robots: { index: false, follow: true },
    alternates: { canonical: '/search', ...feedAlternates() },
  };
}

export function SearchScreen({ locale, q, page }: { locale: Locale; q: string; page: number }) {
  const t = messages(locale);
  const result = searchArticles(q, page);
  return (
    <SingleColumn>
      <h1 className="text-2xl font-bold">{result.query ? t.searchResultsFor(result.query) : t.searchTitle}</h1>
      {result.terms.length === 0 ? (
        <p className="mt-4 text-slate-700">{t.searchEmpty}</p>
      ) : result.total === 0 ? (
        <p className="mt-4 text-slate-700">{t.searchNothing}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-600">{t.searchFound(result.total, formatNumber(result.total, locale))}</p>
          {result.items.length === 0 ? (
            <p className="mt-4 text-slate-700">
              {t.searchNoMorePages}{' '}
              <Link href={searchHref(result.query, 1)} className="underline">
                {t.searchFirstPage}
              </Link>
            </p>
          ) : (
            <SearchResults items={result.items} locale={locale} t={t} start={(result.page - 1) * RESULTS_PER_PAGE + 1} />
          )}
          {result.page <= result.pages ? <Pagination page={result.page} pages={result.pages} hrefFor={(p) => searchHref(result.query, p)} t={t} /> : null}
        </>
      )}
    </SingleColumn>
  );
}
