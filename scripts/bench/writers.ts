/**
 * Comment writers: signed-in users, each on its own keep-alive connection, each posting to its own
 * bench article through the page's real comment form, one post every --post-every ms (staggered so
 * the writers do not post in step).
 */
import type http from 'node:http';
import type { BenchArticle, BenchUser } from './fixtures';
import { userAgent } from './http';
import { commentText, postComment, readCommentForm, signedIn, type CommentForm, type Posted } from './session';
import type { BenchContext } from './types';

export interface Writer {
  user: BenchUser;
  article: BenchArticle;
  cookie: string;
  form: CommentForm;
  agent: http.Agent;
  count: number;
}

export async function prepareWriters(ctx: BenchContext, users: BenchUser[], articles: BenchArticle[]): Promise<Writer[]> {
  const origin = ctx.server.origin;
  const writers: Writer[] = [];
  for (const [i, user] of users.entries()) {
    const article = articles[i % articles.length];
    if (!article) throw new Error('no article to write to');
    const agent = userAgent();
    const cookie = await signedIn(origin, user.email, user.password, agent);
    const form = await readCommentForm(origin, article.path, cookie, agent);
    writers.push({ user, article, cookie, form, agent, count: 0 });
  }
  return writers;
}

export function postOnce(ctx: BenchContext, writer: Writer): Promise<Posted> {
  writer.count++;
  return postComment(ctx.server.origin, writer.article.path, writer.cookie, writer.form, commentText(writer.user.name, writer.count), writer.agent);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The server's per-author interval (COMMENT_INTERVAL_MS), as scripts/bench.ts starts it. */
export const commentInterval = (postEvery: number) => Math.max(1, Math.floor(postEvery / 2));

/**
 * Every writer posts until `stopAt` (performance.now() time); resolves with every post's outcome.
 * A writer posts every --post-every ms, but never sooner than the server's interval after the
 * answer to its last post (the comment's time is taken before the answer), as a person would.
 */
export async function runWriters(ctx: BenchContext, writers: Writer[], stopAt: number, onPost?: (p: Posted) => void): Promise<Posted[]> {
  const every = ctx.options.postEvery;
  const gap = commentInterval(every) + 20;
  const all: Posted[] = [];
  await Promise.all(
    writers.map(async (writer, i) => {
      await sleep((i * every) / writers.length);
      while (!ctx.aborted) {
        const slot = performance.now();
        if (slot >= stopAt) break;
        const posted = await postOnce(ctx, writer);
        all.push(posted);
        onPost?.(posted);
        await sleep(Math.min(Math.max(slot + every - performance.now(), gap), stopAt - performance.now()));
      }
    }),
  );
  return all;
}

/** "3 × You can post one comment every …" from the refusals. */
export function refusals(posts: Posted[]): string | undefined {
  const counts = new Map<string, number>();
  for (const p of posts) if (!p.ok) counts.set(p.refusal ?? `HTTP ${p.status}`, (counts.get(p.refusal ?? `HTTP ${p.status}`) ?? 0) + 1);
  return counts.size === 0
    ? undefined
    : [...counts]
        .sort((a, b) => b[1] - a[1])
        .map(([why, n]) => `${n} × ${why}`)
        .join('; ');
}
