import type { Metadata } from 'next';
import { searchInput, searchMetadata, SearchScreen, type SearchParams } from '@/app/_screens/search';
import { localeFrom, type LangParams } from '@/lib/route-params';

// Results depend on the query string: rendered per request, never cached.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params, searchParams }: { params: LangParams; searchParams: SearchParams }): Promise<Metadata> {
  return searchMetadata(await localeFrom(params), (await searchInput(searchParams)).q);
}

export default async function SearchPage({ params, searchParams }: { params: LangParams; searchParams: SearchParams }) {
  const { q, page } = await searchInput(searchParams);
  return <SearchScreen locale={await localeFrom(params)} q={q} page={page} />;
}
