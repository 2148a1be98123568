/**
 * npm run db:seed -- [DIR|FILE…] [--captured-at ISO]
 *
 * Imports article captures (default: db/seed/) into the store at DATABASE_FILE. Idempotent: an
 * unchanged file writes nothing. Prints one line per failed file on stderr, then a summary line;
 * exits 1 when any file failed.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { openDb } from '../db/open';
import { runImport, type RunImportOptions } from '../db/import/run-import';

const DEFAULT_DIR = 'db/seed/';
// Below this a bar only flickers past; a log or a pipe never wants one.
const PROGRESS_BAR_MIN_FILES = 5;

function parseCli(argv: string[]): { paths: string[]; capturedAt?: Date } {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { 'captured-at': { type: 'string' } },
    allowPositionals: true,
  });
  const iso = values['captured-at'];
  const capturedAt = iso === undefined ? undefined : new Date(iso);
  if (capturedAt && Number.isNaN(capturedAt.getTime())) throw new Error(`--captured-at: not a date: ${iso}`);
  return { paths: positionals.length > 0 ? positionals : [DEFAULT_DIR], capturedAt };
}

function progressBar(): Pick<RunImportOptions, 'onProgress'> & { stop(): void } {
  let bar: cliProgress.SingleBar | null = null;
  return {
    onProgress(done, total) {
      if (!process.stdout.isTTY || total <= PROGRESS_BAR_MIN_FILES) return;
      if (!bar) {
        bar = new cliProgress.SingleBar({ clearOnComplete: true }, cliProgress.Presets.shades_classic);
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

async function main(): Promise<number> {
  const { paths, capturedAt } = parseCli(process.argv.slice(2));
  const db = openDb();
  const progress = progressBar();
  try {
    const result = await runImport(db, paths, { capturedAt, onProgress: progress.onProgress });
    progress.stop(); // before printing, or the bar redraws over the lines
    for (const error of result.errors) console.error(error);
    console.log(`imported ${result.imported}, updated ${result.updated}, unchanged ${result.unchanged}, failed ${result.failed}`);
    return result.failed > 0 ? 1 : 0;
  } finally {
    progress.stop();
    db.$client.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
