import 'server-only';
import { getDb } from '@/db';
import { searchStore, type SearchPage } from '@/lib/search/search';

export type { SearchPage, SearchHit } from '@/lib/search/search';

/** One page of results for what a reader typed (any text: it never reaches SQL or FTS5 syntax as is). */
export function searchArticles(input: string, page: number): SearchPage {
  return searchStore(getDb().$client, input, page);
}
