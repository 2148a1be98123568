import { openDb } from '@/db/open';
import { rebuildSearchIndex } from './rebuild';
import { searchStore } from './search';

/** A mix of what readers type: rare and common words, both languages, word forms, phrases, several words. */
export const BENCH_QUERIES = [
  'visits',
  'Lukashenko',
  'air defence',
  '"air defence"',
  'NATO exercises',
  'Минске',
  'учения',
  'санкции против России',
  'Su-35',
  'Lockheed Martin',
  'Putin Minsk',
  'the',
];

export type SearchBenchResult = {
  articles: number;
  /** Time to build both indexes from scratch over the whole store (what the 0005 migration does on an existing store). */
  indexBuildMs: number | null;
  searches: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Median per query, with how many articles it matched. */
  perQuery: { query: string; total: number; p50Ms: number }[];
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Search latency over a store as the search page sees it (query, ranking, one page of 20 with
 * snippets), pages 1 and 2 of each query, `rounds` times after one warm-up round; optionally the
 * time to rebuild the index first. For scripts/bench.ts:
 *
 *   const r = await measureSearch({ file: '.bench/courier.db', rebuild: true });
 */
export async function measureSearch(options: { file: string; rebuild?: boolean; rounds?: number; queries?: string[] }): Promise<SearchBenchResult> {
  const db = openDb(options.file);
  const sqlite = db.$client;
  try {
    const articles = sqlite.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    let indexBuildMs: number | null = null;
    if (options.rebuild) {
      const started = performance.now();
      rebuildSearchIndex(sqlite);
      indexBuildMs = performance.now() - started;
    }
    const queries = options.queries ?? BENCH_QUERIES;
    const rounds = options.rounds ?? 5;
    const all: number[] = [];
    const byQuery = new Map<string, { total: number; times: number[] }>();
    for (let round = -1; round < rounds; round++) {
      for (const query of queries) {
        for (const page of [1, 2]) {
          const started = performance.now();
          const result = searchStore(sqlite, query, page);
          const ms = performance.now() - started;
          if (round < 0) continue;
          all.push(ms);
          const entry = byQuery.get(query) ?? { total: result.total, times: [] };
          entry.times.push(ms);
          byQuery.set(query, entry);
        }
        // Let other work (a server in the same process) run between searches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    all.sort((a, b) => a - b);
    return {
      articles,
      indexBuildMs,
      searches: all.length,
      p50Ms: percentile(all, 50),
      p95Ms: percentile(all, 95),
      maxMs: all[all.length - 1] ?? 0,
      perQuery: [...byQuery].map(([query, { total, times }]) => ({ query, total, p50Ms: percentile(times.sort((a, b) => a - b), 50) })),
    };
  } finally {
    sqlite.close();
  }
}
