/**
 * Durability: the real production server (scripts/start.ts → scripts/serve.mjs) on a store of its
 * own; 20 signed-in writers post comments through the comment form's server action, as a browser
 * without JavaScript does; `npm run db:backup` runs in the middle of it; then the server's whole
 * process group is SIGKILLed mid-stream and started again on the same file. Every comment whose POST
 * was answered with success must be there, the store must pass integrity_check, and the backup must
 * be a consistent, openable store. Needs a production build (`npm test` builds before Playwright).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';

const root = process.cwd();
const tsxCli = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const WRITERS = 20;
const PASSWORD = 'a long passphrase for durability';
// As db/queries/credentials.ts hashes (argon2id, OWASP minimum): the server verifies these on log-in.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

type Server = { child: ChildProcess; output: string[]; exited: Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** `npm start`'s own entry point, in a process group of its own so that one signal reaches all of it. */
function startServer(env: NodeJS.ProcessEnv): Server {
  const child = spawn(process.execPath, [tsxCli, '--conditions=react-server', 'scripts/start.ts'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, output, exited };
}

async function waitForHealth(base: string, server: Server, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void server.exited.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the server exited while starting:\n${server.output.join('')}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not answer /api/health within ${timeoutMs} ms:\n${server.output.join('')}`);
}

function signalGroup(server: Server, signal: NodeJS.Signals): void {
  try {
    process.kill(-server.child.pid!, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string; ms: number }> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(args[0]!, args.slice(1), { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output, ms: Date.now() - t0 }));
  });
}

function decodeEntities(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The hidden fields of the page's new-comment form, as a browser without JavaScript would send them. */
function commentFormFields(html: string): Array<[string, string]> {
  const form = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)].map((m) => m[1]!).find((inner) => inner.includes('id="new-comment"'));
  if (!form) throw new Error('the article page has no comment form for a signed-in reader');
  return [...form.matchAll(/<input\b([^>]*)>/g)]
    .map((m) => Object.fromEntries([...m[1]!.matchAll(/([^\s=]+)="([^"]*)"/g)].map((a) => [a[1]!, decodeEntities(a[2]!)])))
    .filter((attrs) => attrs.type === 'hidden' && attrs.name)
    .map((attrs) => [attrs.name!, attrs.value ?? '']);
}

function integrity(db: Database.Database): string {
  return (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).join('; ');
}

function commentBodies(db: Database.Database, threadId: number): Set<string> {
  return new Set(db.prepare('SELECT body FROM comments WHERE thread_id = ?').pluck().all(threadId) as string[]);
}

/** The thread's counters agree with its rows: no comment was half-written. */
function countersMatchRows(db: Database.Database, threadId: number) {
  return db
    .prepare(
      `SELECT t.comment_count = (SELECT count(*) FROM comments WHERE thread_id = t.id AND status = 'visible') AS count,
              t.next_number = (SELECT coalesce(max(number), 0) + 1 FROM comments WHERE thread_id = t.id) AS next
         FROM threads t WHERE t.id = ?`,
    )
    .get(threadId);
}

test('acknowledged comments survive a SIGKILL of the server mid-write, and an online backup taken meanwhile is a sound store', async () => {
  test.setTimeout(240_000);
  const started = Date.now();
  expect(fs.existsSync(path.join(root, '.next', 'BUILD_ID')), 'a production build (next build) must exist').toBe(true);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-durability-'));
  const file = path.join(dir, 'courier.db');
  const backupFile = path.join(dir, 'backup', 'courier-backup.db');
  const port = Number(process.env.E2E_DURABILITY_PORT) || (await freePort());
  const base = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_FILE: file,
    PORT: String(port),
    SITE_URL: base,
    NODE_ENV: 'production',
    COMMENT_INTERVAL_MS: '1', // each writer posts back to back
    AUTH_THROTTLE_WINDOW_MS: '20000',
  };
  delete env.AUTH_SECRET; // generated into the store's folder, the same for both runs of the server
  let server: Server | null = startServer(env);
  const runId = Date.now().toString(36);

  try {
    await waitForHealth(base, server);
    const serverStartMs = Date.now() - started;

    // 20 accounts, made in the store the way db/mutations/users.ts makes them (one argon2 hash shared:
    // hashing 20 times would only cost time), then signed in through the real log-in endpoint.
    const passwordHash = await hash(PASSWORD, ARGON2_OPTIONS);
    const { article, threadId } = (() => {
      const db = new Database(file);
      db.pragma('busy_timeout = 5000');
      try {
        const now = Date.now();
        const insert = db.prepare(`INSERT INTO users (email, name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
        for (let w = 0; w < WRITERS; w++) insert.run(`writer-${w}-${runId}@example.test`, `Writer ${w}`, passwordHash, now, now);
        const a = db.prepare('SELECT a.id, a.slug, t.id AS threadId FROM articles a JOIN threads t ON t.article_id = a.id ORDER BY a.id LIMIT 1').get() as {
          id: number;
          slug: string;
          threadId: number;
        };
        return { article: `/news/${a.id}-${a.slug}`, threadId: a.threadId };
      } finally {
        db.close();
      }
    })();

    const cookies = await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        const res = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          body: new URLSearchParams({ email: `writer-${w}-${runId}@example.test`, password: PASSWORD, callbackUrl: '/' }),
          headers: { Origin: base },
          redirect: 'manual',
        });
        expect(res.status, 'log-in answers with a redirect').toBe(303);
        expect(res.headers.get('location') ?? '', 'log-in succeeded').not.toContain('error=');
        return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      }),
    );
    const page = await fetch(`${base}${article}`, { headers: { Cookie: cookies[0]! } });
    expect(page.status).toBe(200);
    const fields = commentFormFields(await page.text());
    expect(fields.map(([name]) => name)).toEqual(expect.arrayContaining(['threadId', 'returnTo']));
    expect(fields.some(([name]) => name.startsWith('$ACTION')), 'the form posts to a server action').toBe(true);
    const post = (w: number, text: string) => {
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      form.append('body', text);
      return fetch(`${base}${article}`, { method: 'POST', body: form, headers: { Cookie: cookies[w]!, Origin: base }, redirect: 'manual' });
    };

    // The writers: each posts unique texts back to back until the server dies under them.
    const acked: string[] = [];
    const refused: string[] = [];
    let killed = false;
    let inFlightAtKill = 0;
    let inFlight = 0;
    const writer = async (w: number) => {
      for (let i = 0; ; i++) {
        const text = `durability ${runId} writer ${w} comment ${i}`;
        inFlight += 1;
        try {
          const res = await post(w, text);
          await res.arrayBuffer();
          // Success is what the browser gets: 303 to the new comment's anchor.
          if (res.status === 303 && /#c\d+$/.test(res.headers.get('location') ?? '')) acked.push(text);
          else if (!killed) refused.push(`${res.status} ${res.headers.get('location') ?? ''}`);
        } catch (error) {
          if (killed) return; // the connection died with the server: not acknowledged
          throw error;
        } finally {
          inFlight -= 1;
        }
        if (killed) return;
      }
    };
    const writingStarted = Date.now();
    const writing = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    const until = async (condition: () => boolean, what: string, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (${acked.length} acknowledged, refused: ${refused.slice(0, 3).join(', ')})`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };

    await until(() => acked.length >= 60, '60 acknowledged comments');

    // The online backup, while all 20 writers go on.
    const ackedBeforeBackup = [...acked];
    const backup = await run([process.execPath, tsxCli, '--conditions=react-server', 'scripts/backup.ts', backupFile], { ...env, INIT_CWD: root });
    const ackedAfterBackup = acked.length;
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).toContain(backupFile);
    const refuse = await run([process.execPath, tsxCli, '--conditions=react-server', 'scripts/backup.ts', backupFile], { ...env, INIT_CWD: root });
    expect(refuse.code, 'an existing backup is not overwritten without --force').toBe(1);
    expect(refuse.output).toContain('--force');

    // Then pull the plug in the middle of the stream.
    await until(() => acked.length >= ackedAfterBackup + 60, '60 more acknowledged comments');
    killed = true;
    inFlightAtKill = inFlight;
    signalGroup(server, 'SIGKILL');
    const writeMs = Date.now() - writingStarted;
    await server.exited;
    await writing;
    const walAfterKill = fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
    expect(refused, 'no post was refused before the kill').toEqual([]);

    // Same file, new server: start-up recovers the WAL and migrates.
    const restarted = Date.now();
    server = startServer(env);
    await waitForHealth(base, server);
    const restartMs = Date.now() - restarted;
    const after = await post(0, `durability ${runId} after the restart`);
    await after.arrayBuffer();
    expect(after.status, 'the restarted server takes a new comment').toBe(303);

    const store = new Database(file, { readonly: true });
    let found: Set<string>;
    try {
      expect(integrity(store)).toBe('ok');
      found = commentBodies(store, threadId);
      expect(countersMatchRows(store, threadId)).toEqual({ count: 1, next: 1 });
    } finally {
      store.close();
    }
    const missing = acked.filter((text) => !found.has(text));
    expect(missing, `${missing.length} of ${acked.length} acknowledged comments are missing after the SIGKILL`).toEqual([]);
    const ackedSet = new Set(acked);
    const unacknowledgedButStored = [...found].filter((t) => t.startsWith(`durability ${runId} writer`) && !ackedSet.has(t)).length;

    // The backup: a sound store holding at least what was acknowledged before it started and nothing
    // that the crashed store lost; it opens and migrates as a store.
    const copy = new Database(backupFile, { readonly: true });
    let inBackup: Set<string>;
    try {
      expect(integrity(copy)).toBe('ok');
      inBackup = commentBodies(copy, threadId);
      expect(countersMatchRows(copy, threadId)).toEqual({ count: 1, next: 1 });
    } finally {
      copy.close();
    }
    expect(ackedBeforeBackup.filter((t) => !inBackup.has(t)), 'acknowledged before the backup started, missing from it').toEqual([]);
    expect([...inBackup].filter((t) => !found.has(t)), 'in the backup but not in the store').toEqual([]);
    const migrated = await run([process.execPath, tsxCli, '--conditions=react-server', 'scripts/migrate.ts'], { ...env, DATABASE_FILE: backupFile });
    expect(migrated.code, migrated.output).toBe(0);
    expect(migrated.output).toContain('is migrated');

    const figures = {
      serverStartMs,
      writeMs,
      acknowledged: acked.length,
      acknowledgedPerSecond: Math.round((acked.length / writeMs) * 1000),
      foundAfterKill: acked.length - missing.length,
      storedButUnacknowledged: unacknowledgedButStored,
      inFlightAtKill,
      walBytesAfterKill: walAfterKill,
      backup: backup.output.trim().split('\n').pop(),
      backupCommentsOfRun: [...inBackup].filter((t) => t.startsWith(`durability ${runId}`)).length,
      backupMs: backup.ms,
      restartMs,
      testSeconds: (Date.now() - started) / 1000,
    };
    console.log(`[durability] ${JSON.stringify(figures)}`);
    test.info().annotations.push({ type: 'figures', description: JSON.stringify(figures) });
  } finally {
    if (server) {
      signalGroup(server, 'SIGTERM');
      await Promise.race([server.exited, new Promise((r) => setTimeout(r, 5_000))]);
      signalGroup(server, 'SIGKILL');
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
