/**
 * npm run db:backup -- FILE [--force] [--verify]
 *
 * An online backup of the store at DATABASE_FILE (resolved as the app resolves it: db/open.ts) to
 * FILE, through SQLite's backup API: a consistent snapshot, safe while the server is writing (WAL:
 * the copy reads beside the writers and blocks none of them). The copy is written under a temporary
 * name beside FILE and renamed into place once complete, so FILE is never a half-written store.
 * Refuses to overwrite an existing FILE unless --force. --verify runs PRAGMA integrity_check on the
 * copy before it takes its name. FILE is relative to the directory npm was run from.
 *
 * Restore: README, "Backup and restore".
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { databaseFile } from '@/db/open';

const USAGE = 'usage: npm run db:backup -- FILE [--force] [--verify]';

function parseCli(argv: string[]): { target: string; force: boolean; verify: boolean } {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { force: { type: 'boolean', default: false }, verify: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'say where to write the backup' : 'one FILE only');
  // `npm run` works from the package root; a relative FILE means where the operator typed it.
  const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  return { target, force: values.force, verify: values.verify };
}

class UsageError extends Error {}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function removeWithSideFiles(file: string): void {
  for (const suffix of ['', ...SIDE_FILES]) fs.rmSync(file + suffix, { force: true });
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 ** 3).toFixed(2)} GiB`;
}

async function main(): Promise<number> {
  const { target, force, verify } = parseCli(process.argv.slice(2));
  const source = databaseFile();
  if (!fs.existsSync(source)) {
    console.error(`[backup] no store at ${source} (DATABASE_FILE): nothing to back up`);
    return 1;
  }
  if (fs.existsSync(target) && fs.realpathSync(target) === fs.realpathSync(source)) {
    console.error(`[backup] ${target} is the store itself: choose another file`);
    return 1;
  }
  if (fs.existsSync(target) && !force) {
    console.error(`[backup] ${target} exists: refusing to overwrite it (pass --force to replace it)`);
    return 1;
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });

  const partial = `${target}.partial-${process.pid}`;
  removeWithSideFiles(partial);
  const db = new Database(source, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const started = new Date();
  const t0 = performance.now();
  const tty = process.stderr.isTTY;
  let lastRemaining = Infinity;
  let lastShown = -1;
  let restarts = 0;
  try {
    const result = await db.backup(partial, {
      progress({ totalPages, remainingPages }) {
        // A write by another connection between two steps makes SQLite start the copy over. Under a
        // steady stream of writes, small steps might never finish: after one restart, copy the rest in
        // one step (a single read transaction; in WAL mode writers go on meanwhile).
        if (remainingPages >= lastRemaining) restarts += 1;
        lastRemaining = remainingPages;
        const percent = Math.floor(((totalPages - remainingPages) / totalPages) * 100);
        // On a terminal, one line that counts up; in a log, a line every 10 %.
        const shown = tty ? percent : percent - (percent % 10);
        if (shown !== lastShown && (tty || shown > 0)) {
          process.stderr.write(tty ? `\r[backup] ${percent}% of ${totalPages} pages` : `[backup] ${shown}% of ${totalPages} pages\n`);
          lastShown = shown;
        }
        return restarts > 0 ? 0x7fffffff : Math.max(256, Math.ceil(totalPages / 100));
      },
    });
    if (tty && lastShown >= 0) process.stderr.write(`\r[backup] 100% of ${result.totalPages} pages\n`);
  } catch (error) {
    removeWithSideFiles(partial);
    throw error;
  } finally {
    db.close();
  }
  const seconds = (performance.now() - t0) / 1000;

  if (verify) {
    const copy = new Database(partial, { fileMustExist: true });
    const problems = copy.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>;
    copy.close();
    const ok = problems.length === 1 && problems[0]!.integrity_check === 'ok';
    if (!ok) {
      removeWithSideFiles(partial);
      console.error(`[backup] the copy failed integrity_check: ${problems.map((p) => p.integrity_check).join('; ')}`);
      return 1;
    }
  }

  // A stale -wal beside FILE would be replayed onto the new copy when it is next opened.
  for (const suffix of SIDE_FILES) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(partial, target);
  const dir = fs.openSync(path.dirname(target), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }

  const size = fs.statSync(target).size;
  console.log(
    `[backup] ${source} → ${target}: ${formatBytes(size)} (${size} bytes), started ${started.toISOString()}, ` +
      `took ${seconds.toFixed(2)} s${restarts > 0 ? ` (restarted ${restarts}× by concurrent writes)` : ''}${verify ? ', integrity_check ok' : ''}`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`[backup] ${err.message}\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    console.error(`[backup] failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  },
);
