/**
 * Appends a synthetic corpus to a store, for load tests and for developing against realistic data:
 * articles with their threads, a pool of synthetic readers (synthetic-<n>@corpus.invalid, unable to
 * log in) and M real comment rows spread over the threads.
 *
 *   npm run db:generate -- --articles 100000 --comments 1000000 [--seed 1] [--file data/courier.db]
 *
 * The same seed gives the same corpus (the content does not depend on what the store already holds;
 * ids continue after its newest rows). Times end at the start of the current UTC day, so reruns on
 * the same day match exactly. The text is planned on a worker thread while this one inserts.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { databaseFile, openDb } from '../db/open';
import { generateCorpus } from '../lib/corpus/generate';

const usage = 'usage: npm run db:generate -- --articles N --comments M [--seed S] [--file PATH]';

// Digits only: Number() would also take "1e3", "0x10" or " 5 ", none of which anyone means.
const count = (what: string, min: number) =>
  z
    .string({ error: `--${what} is required` })
    .regex(/^\d+$/, `--${what} must be a whole number`)
    .transform(Number)
    .refine((v) => Number.isSafeInteger(v) && v >= min, `--${what} must be ${min === 0 ? 'zero or more' : 'a positive integer'}`);

const argsSchema = z.object({
  articles: count('articles', 1),
  // Zero comments is a legitimate corpus (every thread quiet), so it is allowed.
  comments: count('comments', 0),
  seed: count('seed', 0)
    .default(1)
    .refine((v) => v <= 0xffffffff, '--seed must fit in 32 bits'),
  file: z.string().min(1, '--file must not be empty').optional(),
});

function fail(message: string): never {
  console.error(`generate-corpus: ${message}\n${usage}`);
  process.exit(2);
}

function readArgs() {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        articles: { type: 'string' },
        comments: { type: 'string' },
        seed: { type: 'string' },
        file: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err));
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join('; '));
  return parsed.data;
}

function progressReporter(total: number): { update: (done: number) => void; stop: () => void } {
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'articles [{bar}] {percentage}% {value}/{total} eta {eta}s', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (done) => bar.update(done), stop: () => bar.stop() };
  }
  // Logs and CI: a line per tenth rather than a redrawn bar.
  let nextTenth = 1;
  return {
    update: (done) => {
      if (done * 10 >= total * nextTenth || done === total) {
        console.log(`articles ${done}/${total} (${Math.floor((done * 100) / total)}%)`);
        nextTenth = Math.floor((done * 10) / total) + 1;
      }
    },
    stop: () => {},
  };
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

const args = readArgs();
const file = args.file ?? databaseFile();
const started = performance.now();
const dayStart = Math.floor(Date.now() / 86_400_000) * 86_400_000;

const db = openDb(file);
const sqlite = db.$client;
// A generated corpus can be regenerated: losing the tail of it on a power cut costs nothing, and
// skipping fsync is most of the speed-up. journal_mode stays WAL (set by openDb).
sqlite.pragma('synchronous = OFF');
// A bigger page cache keeps the article_mentions and threads indexes in memory while they grow.
sqlite.pragma('cache_size = -262144');

console.log(`generating ${args.articles} articles, ${args.comments} comments, seed ${args.seed} into ${file}`);
const progress = progressReporter(args.articles);
const summary = generateCorpus(sqlite, {
  articles: args.articles,
  comments: args.comments,
  seed: args.seed,
  now: dayStart,
  // Text on a second thread while this one inserts: the two halves of the work overlap.
  parallel: true,
  onProgress: (done) => progress.update(done),
});
progress.stop();
const generated = performance.now();

// Fold the WAL back in so the reported size is the store's and the next opener starts clean.
sqlite.pragma('wal_checkpoint(TRUNCATE)');
sqlite.pragma('optimize');
sqlite.close();
const elapsed = (performance.now() - started) / 1000;

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
console.log(
  [
    `articles        ${summary.articles} (ids ${summary.firstArticleId}–${summary.lastArticleId}, ${summary.russianArticles} Russian)`,
    `mentions        ${summary.mentionsInPool} in pool (${summary.mentionsCreated} new), ${summary.articleMentions} article links`,
    `threads         ${summary.threads} (${summary.forumThreads} forum), ${summary.threadsWithComments} with comments`,
    `comments        ${summary.comments}, biggest thread ${summary.biggestThread.id} with ${summary.biggestThread.comments}, replies nested up to ${summary.maxDepth} deep`,
    `readers         ${summary.users} synthetic users (ids ${summary.firstUserId}–${summary.firstUserId + summary.users - 1}, cannot log in)`,
    `store           ${file}, ${mb(sizeOf(file))}`,
    `elapsed         ${elapsed.toFixed(1)} s (generate + insert ${((generated - started) / 1000).toFixed(1)} s)`,
  ].join('\n'),
);
