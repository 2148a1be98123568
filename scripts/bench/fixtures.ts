/**
 * What the signed-in measurements need in the store, made before the server starts:
 *
 * - bench users (`bench-…@example.com`, one password), created or reset with `upsertUser` as
 *   `npm run user:create` does; their old sessions are removed;
 * - one fresh article per writer for the comment writers to post to (source key `bench:write:<n>`),
 *   dated before the corpus so the home page does not list them; last run's are deleted first,
 *   with their comments (cascade), so the corpus does not grow from run to run;
 * - the article with ~1 000 comments: the corpus thread nearest to 1 000 visible comments when one
 *   is within 10 % of it, else an article made once with exactly 1 000 (`bench:1000`, kept).
 */
import { upsertUser } from '@/db/mutations/users';
import { openDb } from '@/db/open';
import { articlePath } from '../../lib/slug';

export const BENCH_PASSWORD = 'courier bench passphrase 2026';
const WRITE_KEY = 'bench:write:';
const THOUSAND_KEY = 'bench:1000';
const THOUSAND = 1000;
const DAY = 86_400_000;

export interface BenchUser {
  id: number;
  email: string;
  name: string;
  password: string;
}

export interface BenchArticle {
  id: number;
  path: string;
  threadId: number;
  /** Visible comments when the run started. */
  comments: number;
}

export interface Fixtures {
  /** Signs in for the signed-in pages and the log-in timing. */
  reader: BenchUser;
  /** Post comments in "comment-post" and the soak, writer i to writeArticles[i]. */
  writers: BenchUser[];
  /** Posts the comments whose live events "live" times (its own user: the post interval is per author). */
  livePoster: BenchUser;
  writeArticles: BenchArticle[];
  thousand: BenchArticle & { origin: 'corpus' | 'made now' | 'made earlier' };
}

type Sqlite = ReturnType<typeof openDb>['$client'];

function insertArticle(sqlite: Sqlite, input: { key: string; slug: string; title: string; publishedAt: number }): { id: number; threadId: number } {
  const now = Date.now();
  const body = JSON.stringify([
    'This article is made by npm run bench for its measurements. It is not part of the synthetic corpus.',
    'The benchmark deletes and makes it again on every run, with the comments posted to it.',
  ]);
  const id = Number(
    sqlite
      .prepare(
        `INSERT INTO articles (slug, lang, title, summary, body, source_key, source_hash, published_at, updated_at)
         VALUES (?, 'en', ?, 'Made by the benchmark.', ?, ?, 'bench', ?, ?)`,
      )
      .run(input.slug, input.title, body, input.key, input.publishedAt, now).lastInsertRowid,
  );
  const threadId = Number(sqlite.prepare('INSERT INTO threads (article_id, title) VALUES (?, ?)').run(id, input.title).lastInsertRowid);
  return { id, threadId };
}

/** 1 000 visible comments by the corpus's readers: a quarter top-level, each with a chain of three replies. */
function fillThousand(sqlite: Sqlite, threadId: number, articleId: number, from: number, fallbackAuthor: number): void {
  const authors = sqlite.prepare(`SELECT id FROM users WHERE email NOT LIKE 'bench-%' ORDER BY id LIMIT 200`).pluck().all() as number[];
  if (authors.length === 0) authors.push(fallbackAuthor);
  const sentences = [
    'The figures in the article do not add up to what the ministry said last week.',
    'Interesting, but the translation loses the tone of the original.',
    'Another delay in deliveries, nobody is surprised any more.',
    'Who pays for all of this in the end? The taxpayer, as always.',
    'A good overview; I would like to read the original report as well.',
    'This was predicted years ago by people who were not listened to.',
  ];
  const insert = sqlite.prepare(
    `INSERT INTO comments (thread_id, number, parent_id, root_id, depth, author_id, body, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'visible', ?)`,
  );
  const setRoot = sqlite.prepare('UPDATE comments SET root_id = id WHERE id = ?');
  let root = 0;
  let parent: number | null = null;
  let last = from;
  for (let n = 1; n <= THOUSAND; n++) {
    const top = n % 4 === 1;
    const depth = top ? 0 : (n - 1) % 4;
    last = from + n * 60_000;
    const body = `${sentences[n % sentences.length]} (${n})`;
    const id: number = Number(insert.run(threadId, n, top ? null : parent, top ? 0 : root, depth, authors[n % authors.length], body, last).lastInsertRowid);
    if (top) {
      setRoot.run(id);
      root = id;
    }
    parent = id;
  }
  sqlite.prepare('UPDATE threads SET comment_count = ?, next_number = ?, last_comment_at = ? WHERE id = ?').run(THOUSAND, THOUSAND + 1, last, threadId);
  sqlite.prepare('UPDATE articles SET comment_count = ? WHERE id = ?').run(THOUSAND, articleId);
}

export async function prepareFixtures(file: string, options: { writers: number }, log: (m: string) => void): Promise<Fixtures> {
  const db = openDb(file);
  const sqlite = db.$client;
  try {
    const started = performance.now();
    const people = [
      { email: 'bench-reader@example.com', name: 'Bench Reader' },
      ...Array.from({ length: options.writers }, (_, i) => ({ email: `bench-writer-${i + 1}@example.com`, name: `Bench Writer ${i + 1}` })),
      { email: 'bench-live@example.com', name: 'Bench Live' },
    ];
    const users: BenchUser[] = [];
    for (const p of people) {
      const { id } = await upsertUser(db, { ...p, password: BENCH_PASSWORD, role: 'user' });
      users.push({ id, ...p, password: BENCH_PASSWORD });
    }
    const ids = users.map((u) => u.id);
    sqlite.prepare(`DELETE FROM sessions WHERE user_id IN (${ids.map(() => '?').join(',')})`).run(...ids);

    const oldest = (sqlite.prepare('SELECT min(published_at) FROM articles').pluck().get() as number | null) ?? Date.now();
    const writeArticles = sqlite.transaction(() => {
      const removed = sqlite.prepare(`DELETE FROM articles WHERE source_key LIKE '${WRITE_KEY}%'`).run().changes;
      if (removed > 0) log(`fixtures: removed last run's ${removed} writer article(s) and their comments`);
      return Array.from({ length: options.writers }, (_, i): BenchArticle => {
        const n = i + 1;
        const slug = `bench-comments-of-writer-${n}`;
        const { id, threadId } = insertArticle(sqlite, { key: `${WRITE_KEY}${n}`, slug, title: `Bench: comments of writer ${n}`, publishedAt: oldest - DAY });
        return { id, threadId, path: articlePath({ id, slug }), comments: 0 };
      });
    }).immediate();

    const nearest = sqlite
      .prepare(
        `SELECT a.id, a.slug, a.source_key AS sourceKey, t.id AS threadId, t.comment_count AS comments
           FROM threads t JOIN articles a ON a.id = t.article_id
          WHERE a.source_key NOT LIKE '${WRITE_KEY}%'
          ORDER BY abs(t.comment_count - ${THOUSAND}), a.id LIMIT 1`,
      )
      .get() as { id: number; slug: string; sourceKey: string; threadId: number; comments: number } | undefined;
    let thousand: Fixtures['thousand'];
    if (nearest && Math.abs(nearest.comments - THOUSAND) <= THOUSAND / 10) {
      thousand = { ...nearest, path: articlePath(nearest), origin: nearest.sourceKey === THOUSAND_KEY ? 'made earlier' : 'corpus' };
    } else {
      const made = sqlite.transaction(() => {
        const slug = 'bench-an-article-with-a-thousand-comments';
        const at = oldest - 2 * DAY;
        const { id, threadId } = insertArticle(sqlite, { key: THOUSAND_KEY, slug, title: 'Bench: an article with a thousand comments', publishedAt: at });
        fillThousand(sqlite, threadId, id, at, users[0]?.id ?? 1);
        return { id, threadId, path: articlePath({ id, slug }), comments: THOUSAND };
      }).immediate();
      thousand = { ...made, origin: 'made now' };
    }
    log(
      `fixtures: ${users.length} users, ${writeArticles.length} writer article(s), article with ${thousand.comments} comments ${thousand.path} (${thousand.origin}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const [reader, ...rest] = users;
    const livePoster = rest.pop();
    if (!reader || !livePoster) throw new Error('fixtures: no users');
    return { reader, writers: rest, livePoster, writeArticles, thousand };
  } finally {
    sqlite.close();
  }
}
