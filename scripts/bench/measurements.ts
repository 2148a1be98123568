/**
 * What the benchmark measures, in the order it runs. Each entry is a small async function that
 * returns rows; add new ones here. Read-only measurements come first, then the ones that write
 * (log-ins add sessions, posts revalidate pages), then the diagnostics. Optional ones run only when
 * named in `--only`; the soak only with `--soak`.
 */
import { launchBrowser } from '../budgets/site';
import { WEIGHT_TARGETS } from '../budgets/targets';
import { frameworkScripts, kb, measurePageWeight, splitScripts } from '../budgets/weight';
import { startBaseline } from './baseline';
import { digestMeasurement } from './digest';
import { get } from './http';
import { loadRow } from './load';
import { commentPost, login, signedInArticle, signedInHome, signedInThousand } from './measure-accounts';
import { live } from './measure-live';
import { search, searchIndex, searchPage } from './measure-search';
import { soak } from './soak';
import { percentile, round, tally } from './stats';
import type { BenchContext, Measurement, Row } from './types';

/** What a current browser sends; Next compresses (gzip) on the fly when asked. */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

const ARTICLE_HTML = 'article-html';
const ARTICLE_PAGES = 'article-pages';

function articleHtml(ctx: BenchContext): Buffer {
  const html = ctx.shared.get(ARTICLE_HTML);
  if (!Buffer.isBuffer(html)) throw new Error('the warm-up measurement has not fetched an article page');
  return html;
}

function count(values: Array<string | number | undefined>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(String(v ?? '(none)'), (counts.get(String(v ?? '(none)')) ?? 0) + 1);
  return counts;
}

function timingRow(measurement: string, label: string, samples: Array<{ ms: number; status: number }>, note?: string, warning?: string): Row {
  const ms = samples.map((s) => s.ms);
  return {
    measurement,
    label,
    p50Ms: round(percentile(ms, 50)),
    p95Ms: round(percentile(ms, 95)),
    p99Ms: round(percentile(ms, 99)),
    maxMs: round(Math.max(...ms)),
    requests: samples.length,
    non2xx: samples.filter((s) => s.status < 200 || s.status > 299).length,
    note,
    warning,
  };
}

/** One request per article, one at a time: fills the ISR cache and times the cold first render. */
const warmUp: Measurement = {
  name: 'warm-up',
  description: 'one request per article (cold first render, sequential), then a second one to check the cache',
  always: true,
  async run(ctx) {
    const measurement = 'warm-up';
    const first: Array<{ ms: number; status: number; cache?: string }> = [];
    // What each page is, for the baseline server to send the same bytes.
    const pages = new Map<string, Buffer>();
    ctx.shared.set(ARTICLE_PAGES, pages);
    ctx.log(`warm-up: rendering ${ctx.articles.length} articles one at a time`);
    for (const target of ctx.articles) {
      if (ctx.aborted) break;
      const res = await get(ctx.server.origin + target.path);
      first.push({ ms: res.ms, status: res.status, cache: res.headers['x-nextjs-cache'] as string | undefined });
      if (res.status === 200) pages.set(target.path, res.body);
    }
    // Again, a few of them: now they must come from the cache.
    const again: Array<{ ms: number; status: number; cache?: string }> = [];
    for (const target of ctx.articles.slice(0, 20)) {
      const res = await get(ctx.server.origin + target.path);
      again.push({ ms: res.ms, status: res.status, cache: res.headers['x-nextjs-cache'] as string | undefined });
      if (!ctx.shared.has(ARTICLE_HTML) && res.status === 200) ctx.shared.set(ARTICLE_HTML, res.body);
    }
    const hits = again.filter((s) => s.cache === 'HIT').length;
    const renderSeconds = first.reduce((sum, s) => sum + s.ms, 0) / 1000;
    const bad = first.filter((s) => s.status !== 200).length;
    const sizes = first.length > 0 ? (ctx.shared.get(ARTICLE_HTML) as Buffer | undefined)?.length : undefined;
    return [
      timingRow(
        measurement,
        'article, first render (cold, 1 at a time)',
        first,
        // Each of these pages is rendered again once per revalidate period (60 s) while it is read:
        // what keeping them fresh costs, whatever the traffic.
        `x-nextjs-cache: ${tally(count(first.map((s) => s.cache)))}; status ${tally(count(first.map((s) => s.status)))}; all ${first.length} renders took ${round(renderSeconds, 1)} s: re-rendering them every 60 s (revalidate) takes ~${Math.round((renderSeconds / 60) * 100)} % of a core`,
        bad > 0 ? `${bad} of ${first.length} first requests did not answer 200` : undefined,
      ),
      timingRow(
        measurement,
        'article, second request (1 at a time)',
        again,
        `x-nextjs-cache: ${tally(count(again.map((s) => s.cache)))}${sizes ? `; page ${sizes} bytes` : ''}`,
        hits < again.length ? `only ${hits} of ${again.length} second requests were cache HITs` : undefined,
      ),
    ];
  },
};

const articlePaths = (ctx: BenchContext) => ctx.articles.map((a) => a.path);

const article: Measurement = {
  name: 'article',
  description: 'the anonymous article page, rotating over the picked articles, no Accept-Encoding',
  run: async (ctx) => [await loadRow(ctx, 'article', { label: 'article page (identity)', paths: articlePaths(ctx) })],
};

const articleGzip: Measurement = {
  name: 'article-gzip',
  description: 'the same with a browser’s Accept-Encoding (Next gzips every response on the fly)',
  run: async (ctx) => [
    await loadRow(ctx, 'article-gzip', {
      label: 'article page (gzip)',
      paths: articlePaths(ctx),
      headers: { 'accept-encoding': BROWSER_ACCEPT_ENCODING },
    }),
  ],
};

const home: Measurement = {
  name: 'home',
  description: 'the home page /',
  async run(ctx) {
    const cold = await get(`${ctx.server.origin}/`);
    const row = await loadRow(ctx, 'home', { label: 'home page / (identity)', paths: ['/'] });
    const first = `first request ${round(cold.ms)} ms (${String(cold.headers['x-nextjs-cache'] ?? 'no cache header')}, ${cold.body.length} bytes)`;
    return [{ ...row, note: [first, row.note].filter(Boolean).join('; ') }];
  },
};

const thousand: Measurement = {
  name: 'article-1000',
  description: 'the anonymous article page of the article with ~1 000 comments (first page: 50 threads with their replies)',
  async run(ctx) {
    const { path, comments, origin } = ctx.fixtures.thousand;
    const cold = await get(`${ctx.server.origin}${path}`);
    const row = await loadRow(ctx, 'article-1000', { label: `article with ${comments} comments (identity)`, paths: [path] });
    const first = `${origin === 'corpus' ? 'from the corpus' : 'made by the bench'}, ${path}; first request ${round(cold.ms)} ms (${String(cold.headers['x-nextjs-cache'] ?? 'no cache header')}, ${cold.body.length} bytes)`;
    return [{ ...row, note: [first, row.note].filter(Boolean).join('; ') }];
  },
};

async function baselineRows(ctx: BenchContext, gzip: boolean): Promise<Row[]> {
  const pages = ctx.shared.get(ARTICLE_PAGES);
  if (!(pages instanceof Map) || pages.size === 0) throw new Error('the warm-up measurement has not fetched the article pages');
  const baseline = await startBaseline(pages as Map<string, Buffer>);
  try {
    const name = gzip ? 'baseline-gzip' : 'baseline';
    return [
      await loadRow(ctx, name, {
        label: gzip ? 'baseline: same pages, pre-gzipped, node:http' : 'baseline: same pages from memory, node:http',
        origin: baseline.origin,
        paths: articlePaths(ctx),
        headers: gzip ? { 'accept-encoding': BROWSER_ACCEPT_ENCODING } : {},
        tallyHeader: null,
        baseline: !gzip,
        serverPid: baseline.child.pid,
      }),
    ];
  } finally {
    await baseline.stop();
  }
}

const baseline: Measurement = {
  name: 'baseline',
  description: 'a plain node:http server (child process) sending each picked article’s bytes (as the warm-up got them) from memory',
  run: (ctx) => baselineRows(ctx, false),
};

const baselineGzip: Measurement = {
  name: 'baseline-gzip',
  description: 'the same, sending the pages gzipped once in advance (what a cache in front would do)',
  run: (ctx) => baselineRows(ctx, true),
};

// Diagnostics: where the time of a page goes.

const health: Measurement = {
  name: 'health',
  description: 'GET /api/health: a route handler with one SQLite count, no proxy, no page cache',
  optional: true,
  run: async (ctx) => [await loadRow(ctx, 'health', { label: '/api/health', paths: ['/api/health'], tallyHeader: null })],
};

const redirect: Measurement = {
  name: 'redirect',
  description: 'GET /en/news/…: the proxy answers with a 307 itself (proxy cost without a page)',
  optional: true,
  run: async (ctx) => [
    await loadRow(ctx, 'redirect', {
      label: '/en/news/… (307 from proxy.ts)',
      paths: ctx.articles.map((a) => `/en${a.path}`),
      tallyHeader: null,
    }),
  ],
};

const staticAsset: Measurement = {
  name: 'static',
  description: 'a /_next/static stylesheet: Next’s router without the proxy or the page cache',
  optional: true,
  async run(ctx) {
    const match = /href="(\/_next\/static\/[^"]+\.css)"/.exec(articleHtml(ctx).toString('utf8'));
    if (!match?.[1]) return [{ measurement: 'static', label: '/_next/static css', note: 'no stylesheet link in the page' }];
    return [await loadRow(ctx, 'static', { label: '/_next/static/…css', paths: [match[1]], tallyHeader: null })];
  },
};

/** The same page-weight figures as `npm run check:budgets` (which adds Lighthouse and the HTML checker). */
const pageWeight: Measurement = {
  name: 'page-weight',
  description: 'gzip bytes of the article page’s HTML and of the scripts Chromium loads for it (as check:budgets measures them)',
  async run(ctx) {
    const target = ctx.articles[0];
    if (!target) return [];
    const browser = await launchBrowser();
    try {
      const weight = await measurePageWeight(browser, ctx.server.origin, target.path);
      const split = splitScripts(weight, frameworkScripts(ctx.root));
      return [
        {
          measurement: 'page-weight',
          label: `article page JS, gzip (${weight.scripts.length} scripts)`,
          bytesPerResponse: weight.jsGzip,
          note: `${kb(weight.jsGzip)} = Next.js ${kb(split.framework)} + ours ${kb(split.ours)}; target ${kb(WEIGHT_TARGETS.articleJs)}; Lighthouse figures: npm run check:budgets`,
        },
        {
          measurement: 'page-weight',
          label: 'article page HTML, gzip',
          bytesPerResponse: weight.htmlGzip,
          note: `${kb(weight.htmlGzip)} (${kb(weight.htmlRaw)} raw); target ${kb(WEIGHT_TARGETS.articleHtml)}`,
        },
      ];
    } finally {
      await browser.close();
    }
  },
};

export const measurements: Measurement[] = [
  warmUp,
  pageWeight,
  article,
  articleGzip,
  home,
  baseline,
  baselineGzip,
  thousand,
  signedInArticle,
  signedInHome,
  searchPage,
  search,
  searchIndex,
  login,
  commentPost,
  live,
  signedInThousand,
  health,
  redirect,
  staticAsset,
  digestMeasurement,
  soak,
];
