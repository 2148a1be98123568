/** Signed-in readers and writers: log-in timing, per-request pages, comment posting under read load. */
import { userAgent } from './http';
import { dynamicRow, loadRow } from './load';
import { logIn, signedIn } from './session';
import { percentile, round } from './stats';
import type { BenchContext, Measurement, Row } from './types';
import { prepareWriters, refusals, runWriters } from './writers';

/** Latency figures of a list of samples (ms). */
export function latencyFigures(ms: number[]): Pick<Row, 'p50Ms' | 'p95Ms' | 'p99Ms' | 'maxMs'> {
  if (ms.length === 0) return {};
  return { p50Ms: round(percentile(ms, 50)), p95Ms: round(percentile(ms, 95)), p99Ms: round(percentile(ms, 99)), maxMs: round(Math.max(...ms)) };
}

const READER_COOKIE = 'reader-cookie';

/** The bench reader's session cookie, logged in once per run. */
async function readerCookie(ctx: BenchContext): Promise<string> {
  const known = ctx.shared.get(READER_COOKIE);
  if (typeof known === 'string') return known;
  const { email, password } = ctx.fixtures.reader;
  const cookie = await signedIn(ctx.server.origin, email, password);
  ctx.shared.set(READER_COOKIE, cookie);
  return cookie;
}

export const login: Measurement = {
  name: 'login',
  description: 'POST /api/auth/login with the right password, one at a time (--logins times): argon2id + session row + JWT',
  async run(ctx) {
    const { email, password } = ctx.fixtures.reader;
    const agent = userAgent();
    // One unrecorded: the route's first compile-free run still loads modules and warms the JIT.
    await logIn(ctx.server.origin, email, password, agent);
    const samples: Array<{ ms: number; ok: boolean; status: number }> = [];
    ctx.log(`login: ${ctx.options.logins} log-ins, one at a time`);
    for (let i = 0; i < ctx.options.logins && !ctx.aborted; i++) {
      const res = await logIn(ctx.server.origin, email, password, agent);
      samples.push(res);
    }
    const failed = samples.filter((s) => !s.ok);
    return [
      {
        measurement: 'login',
        label: 'log-in, correct password (sequential)',
        ...latencyFigures(samples.map((s) => s.ms)),
        requests: samples.length,
        non2xx: failed.length,
        note: `answer: 303 with a session cookie${failed.length ? `; ${failed.length} failed (status ${[...new Set(failed.map((f) => f.status))].join(', ')})` : ''}`,
        warning: failed.length > 0 ? `${failed.length} of ${samples.length} log-ins did not succeed` : undefined,
      },
    ];
  },
};

export const signedInArticle: Measurement = {
  name: 'signed-in',
  description: 'the article page for a signed-in reader (rendered per request: app/s/[lang]), rotating over the picked articles',
  run: async (ctx) => [
    await dynamicRow(ctx, 'signed-in', {
      label: `article page, signed in (identity, ${ctx.options.dynamicConnections} conns)`,
      paths: ctx.articles.map((a) => a.path),
      headers: { cookie: await readerCookie(ctx) },
      tallyHeader: 'x-nextjs-cache',
    }),
  ],
};

export const signedInHome: Measurement = {
  name: 'signed-in-home',
  description: 'the home page / for a signed-in reader (rendered per request)',
  run: async (ctx) => [
    await dynamicRow(ctx, 'signed-in-home', { label: `home page /, signed in (identity, ${ctx.options.dynamicConnections} conns)`, paths: ['/'], headers: { cookie: await readerCookie(ctx) }, tallyHeader: 'x-nextjs-cache' }),
  ],
};

export const signedInThousand: Measurement = {
  name: 'signed-in-1000',
  description: 'the article with ~1 000 comments for a signed-in reader (per request: first page of 50 threads, forms and votes)',
  optional: true,
  run: async (ctx) => [
    await dynamicRow(ctx, 'signed-in-1000', {
      label: `article with ${ctx.fixtures.thousand.comments} comments, signed in (${ctx.options.dynamicConnections} conns)`,
      paths: [ctx.fixtures.thousand.path],
      headers: { cookie: await readerCookie(ctx) },
      tallyHeader: 'x-nextjs-cache',
    }),
  ],
};

export const commentPost: Measurement = {
  name: 'comment-post',
  description: '--writers signed-in users post comments through the page form (server action) while --connections anonymous readers load article pages, for 2 × --duration',
  async run(ctx) {
    const { writers: users, writeArticles } = ctx.fixtures;
    const writers = await prepareWriters(ctx, users, writeArticles);
    // The readers read the picked articles and the articles being commented on (revalidated by each post).
    const paths = [...ctx.articles.map((a) => a.path), ...writeArticles.map((a) => a.path)];
    // Twice the usual length: posts are few per second, and a p95 wants a few dozen of them.
    const seconds = 2 * ctx.options.duration;
    let posts: Awaited<ReturnType<typeof runWriters>> = [];
    const readers = await loadRow(
      ctx,
      'comment-post',
      { label: `article page, anonymous, while ${writers.length} users post`, paths, tallyHeader: 'x-nextjs-cache' },
      async (stopAt) => {
        posts = await runWriters(ctx, writers, stopAt);
      },
      seconds,
    );
    const ok = posts.filter((p) => p.ok);
    const why = refusals(posts);
    const perSecond = ok.length / seconds;
    const post: Row = {
      measurement: 'comment-post',
      label: `comment post, ${writers.length} writers, ${ctx.options.connections} readers`,
      reqPerSec: round(perSecond, 1),
      ...latencyFigures(posts.map((p) => p.ms)),
      requests: posts.length,
      non2xx: posts.length - ok.length,
      note: `POST of the article page's comment form (server action, no JavaScript) → 303; each writer every ${ctx.options.postEvery} ms${why ? `; refused: ${why}` : ''}`,
      warning: posts.length > ok.length ? `${posts.length - ok.length} of ${posts.length} posts were not accepted` : posts.length === 0 ? 'no post was made' : undefined,
    };
    return [post, readers];
  },
};
