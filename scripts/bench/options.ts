/** Command-line options of `npm run bench`. */
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const usage = `usage: npm run bench [-- options]

  --articles N      articles in the synthetic corpus (default 100000)
  --comments M      comments in the synthetic corpus (default 1000000)
  --seed S          corpus seed (default 1)
  --duration S      seconds per load measurement (default 10)
  --warmup S        seconds of unrecorded load before each measurement (default 2)
  --connections C   concurrent connections (default 50)
  --urls U          article addresses to rotate over (default 200)
  --only A,B        run only these measurements (by name; see below)
  --rebuild         build even when the production build looks current
  --keep            leave the server running after the figures, until Ctrl-C
  -h, --help        this text`;

const whole = (what: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `--${what} must be a whole number`)
    .transform(Number)
    .refine((v) => v >= min && v <= max, `--${what} must be between ${min} and ${max}`);

const schema = z.object({
  articles: whole('articles', 1, 10_000_000).default(100_000),
  comments: whole('comments', 0, 100_000_000).default(1_000_000),
  seed: whole('seed', 0, 0xffffffff).default(1),
  // Bounded: a benchmark that runs for an hour by a typo is not a benchmark.
  duration: whole('duration', 1, 600).default(10),
  warmup: whole('warmup', 0, 60).default(2),
  connections: whole('connections', 1, 1000).default(50),
  urls: whole('urls', 1, 10_000).default(200),
  only: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .optional(),
  rebuild: z.boolean().default(false),
  keep: z.boolean().default(false),
});

export type BenchOptions = z.infer<typeof schema>;

export function readOptions(argv: string[], measurementNames: string[]): BenchOptions {
  const help = `${usage}\n\nmeasurements: ${measurementNames.join(', ')}`;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        articles: { type: 'string' },
        comments: { type: 'string' },
        seed: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        connections: { type: 'string' },
        urls: { type: 'string' },
        only: { type: 'string' },
        rebuild: { type: 'boolean' },
        keep: { type: 'boolean' },
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
  const parsed = schema.safeParse(values);
  if (!parsed.success) fail(parsed.error.issues.map((i) => i.message).join('; '), help);
  const unknown = (parsed.data.only ?? []).filter((name) => !measurementNames.includes(name));
  if (unknown.length > 0) fail(`unknown measurement(s): ${unknown.join(', ')}`, help);
  return parsed.data;
}

function fail(message: string, help: string): never {
  console.error(`bench: ${message}\n${help}`);
  process.exit(2);
}
