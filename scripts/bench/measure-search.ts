/**
 * Search: building the FTS5 indexes from scratch (what migration 0005 does on an existing store),
 * query latency in the store (lib/search/bench.ts, the figures of decision 0004), and the search
 * page under load.
 */
import { openDb } from '@/db/open';
import { BENCH_QUERIES, measureSearch } from '@/lib/search/bench';
import { rebuildSearchIndex } from '@/lib/search/rebuild';
import { dynamicRow } from './load';
import { round } from './stats';
import type { Measurement } from './types';

export const searchIndex: Measurement = {
  name: 'search-index',
  description: 'rebuilds both search indexes over the whole store, in one transaction, from the bench process (the server idles)',
  async run(ctx) {
    ctx.log('search-index: rebuilding the search indexes');
    const db = openDb(ctx.corpus.file);
    try {
      const started = performance.now();
      const counts = rebuildSearchIndex(db.$client);
      const ms = performance.now() - started;
      return [
        {
          measurement: 'search-index',
          label: 'search index build (all articles and mentions)',
          value: `${(ms / 1000).toFixed(1)} s`,
          note: `${counts.articles} articles, ${counts.mentions} mention names; stem() in JavaScript for every word, then 'optimize'`,
        },
      ];
    } finally {
      db.$client.close();
    }
  },
};

export const search: Measurement = {
  name: 'search',
  description: `search queries in the store as the search page runs them (ranking, a page of 20, snippets): ${BENCH_QUERIES.length} queries × pages 1–2 × 5 rounds`,
  async run(ctx) {
    ctx.log('search: timing queries in the store');
    const r = await measureSearch({ file: ctx.corpus.file, rounds: 5 });
    const slowest = [...r.perQuery].sort((a, b) => b.p50Ms - a.p50Ms).slice(0, 3);
    return [
      {
        measurement: 'search',
        label: 'search query in the store (no HTTP)',
        p50Ms: round(r.p50Ms),
        p95Ms: round(r.p95Ms),
        maxMs: round(r.maxMs),
        requests: r.searches,
        note: `slowest medians: ${slowest.map((q) => `"${q.query}" ${round(q.p50Ms)} ms (${q.total} hits)`).join(', ')}`,
      },
    ];
  },
};

export const searchPage: Measurement = {
  name: 'search-page',
  description: `GET /search?q=… (anonymous, rendered per request), rotating over the ${BENCH_QUERIES.length} bench queries, pages 1 and 2`,
  run: async (ctx) => [
    await dynamicRow(ctx, 'search-page', {
      label: `search page /search?q=… (identity, ${ctx.options.dynamicConnections} conns)`,
      paths: BENCH_QUERIES.flatMap((q) => [`/search?q=${encodeURIComponent(q)}`, `/search?q=${encodeURIComponent(q)}&page=2`]),
      tallyHeader: null,
    }),
  ],
};
