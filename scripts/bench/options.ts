/** Command-line options of `npm run bench`. */
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const usage = `usage: npm run bench [-- options]

Prints a table of figures (never pass/fail). Without options: every measurement listed below that is
not marked "optional", on the 100 000-article / 1 000 000-comment corpus (generated into .bench/ the
first time, reused afterwards), in about 5–10 minutes on a 2-core machine once corpus and build exist.

corpus and server
  --articles N       articles in the synthetic corpus (default 100000)
  --comments M       comments in the synthetic corpus (default 1000000)
  --seed S           corpus seed (default 1)
  --port P           port of the server under test (default: a free one)
  --rebuild          build even when the production build looks current
  --keep             leave the server running after the figures, until Ctrl-C
  --profile          record a V8 CPU profile of the server (.bench/profiles/) and print where its
                     CPU time went, by package and by function (best with --only)

load
  --duration S       seconds per load measurement (default 10)
  --warmup S         seconds of unrecorded load before each measurement (default 2)
  --connections C    concurrent connections of the reader load (default 50)
  --dynamic-connections C
                     connections for the pages rendered per request (signed-in pages, search),
                     which run for 2 × --duration (default 10: at 50, a request waits for ~50
                     renders and times out)
  --urls U           article addresses to rotate over (default 200)

accounts, comments, live updates
  --logins N         sequential log-ins timed by "login" (default 30)
  --writers W        signed-in users posting comments in "comment-post" and --soak (default 5)
  --post-every MS    each writer posts one comment every MS milliseconds (default 1000); the
                     server runs with COMMENT_INTERVAL_MS at half of it
  --streams N        open SSE streams (/api/live) in "live" and --soak (default 1000)
  --live-posts N     comments whose live event is timed across the streams in "live" (default 10)

what to run
  --only A,B         run only these measurements (by name; see below)
  --skip A,B         run the default set without these
  --soak S           soak mode, off by default: for S seconds, --connections anonymous readers,
                     --writers comment writers and --streams open live streams at once; reports the
                     count of 5xx answers, the server's RSS and the WAL file's size (start, samples,
                     end, max). Runs instead of the default set (add measurements with --only).
  -h, --help         this text`;

const whole = (what: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `--${what} must be a whole number`)
    .transform(Number)
    .refine((v) => v >= min && v <= max, `--${what} must be between ${min} and ${max}`);

const list = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .optional();

const schema = z.object({
  articles: whole('articles', 1, 10_000_000).default(100_000),
  comments: whole('comments', 0, 100_000_000).default(1_000_000),
  seed: whole('seed', 0, 0xffffffff).default(1),
  port: whole('port', 1, 65_535).optional(),
  // Bounded: a benchmark that runs for an hour by a typo is not a benchmark.
  duration: whole('duration', 1, 600).default(10),
  warmup: whole('warmup', 0, 60).default(2),
  connections: whole('connections', 1, 1000).default(50),
  dynamicConnections: whole('dynamic-connections', 1, 1000).default(10),
  urls: whole('urls', 1, 10_000).default(200),
  logins: whole('logins', 1, 1000).default(30),
  writers: whole('writers', 1, 100).default(5),
  postEvery: whole('post-every', 20, 60_000).default(1000),
  streams: whole('streams', 1, 4900).default(1000),
  livePosts: whole('live-posts', 1, 1000).default(10),
  // A soak is the one long thing: up to a day.
  soak: whole('soak', 1, 86_400).optional(),
  only: list,
  skip: list,
  rebuild: z.boolean().default(false),
  keep: z.boolean().default(false),
  profile: z.boolean().default(false),
});

export type BenchOptions = z.infer<typeof schema>;

export function readOptions(argv: string[], measurements: Array<{ name: string; description: string; optional?: boolean; always?: boolean }>): BenchOptions {
  const names = measurements.map((m) => m.name);
  const width = Math.max(...names.map((n) => n.length));
  const help = `${usage}\n\nmeasurements, in the order they run:\n${measurements
    .map((m) => `  ${m.name.padEnd(width)}  ${m.description}${m.always ? ' (always)' : m.optional ? ' (optional)' : ''}`)
    .join('\n')}`;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        articles: { type: 'string' },
        comments: { type: 'string' },
        seed: { type: 'string' },
        port: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        connections: { type: 'string' },
        'dynamic-connections': { type: 'string' },
        urls: { type: 'string' },
        logins: { type: 'string' },
        writers: { type: 'string' },
        'post-every': { type: 'string' },
        streams: { type: 'string' },
        'live-posts': { type: 'string' },
        soak: { type: 'string' },
        only: { type: 'string' },
        skip: { type: 'string' },
        rebuild: { type: 'boolean' },
        keep: { type: 'boolean' },
        profile: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail(err instanceof Error ? err.message : String(err), help);
  }
  if (values.help) {
    console.log(help);
    process.exit(0);
  }
  const parsed = schema.safeParse({ ...values, postEvery: values['post-every'], livePosts: values['live-posts'], dynamicConnections: values['dynamic-connections'] });
  if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join('; '), help);
  const unknown = [...(parsed.data.only ?? []), ...(parsed.data.skip ?? [])].filter((name) => !names.includes(name));
  if (unknown.length > 0) fail(`unknown measurement(s): ${unknown.join(', ')}`, help);
  return parsed.data;
}

/** What runs: `--only` (plus the soak with --soak), else the soak alone with --soak, else the defaults minus `--skip`. */
export function selectMeasurements<M extends { name: string; optional?: boolean; always?: boolean }>(all: M[], options: BenchOptions): M[] {
  const wanted = (m: M): boolean => {
    if (m.always) return true;
    if (m.name === 'soak') return options.soak !== undefined;
    if (options.only) return options.only.includes(m.name);
    if (options.soak !== undefined) return false;
    return !m.optional && !(options.skip ?? []).includes(m.name);
  };
  return all.filter(wanted);
}

function fail(message: string, help: string): never {
  console.error(`bench: ${message}\n${help}`);
  process.exit(2);
}
