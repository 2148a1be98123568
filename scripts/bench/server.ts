/**
 * The production server on a free loopback port, against the corpus, with its output in
 * `.bench/server.log`: started as `npm start` starts it (scripts/serve.mjs, Next's handler behind a
 * node:http server that adds the CSP and compresses), or with `next start` where there is no serve.mjs.
 */
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import dns from 'node:dns/promises';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { get } from './http';
import { isInterrupted, killGroup, spawnGroup } from './processes';
import type { ServerHandle } from './types';

export const HOST = '127.0.0.1';

/**
 * What `next start -H` gets. Not "127.0.0.1": Next's NextURL turns every loopback address into
 * "localhost", so with `-H 127.0.0.1` the proxy's rewrite (to http://localhost:<port>/en/…) no longer
 * has the request's origin (http://127.0.0.1:<port>), counts as an external rewrite, is fetched over
 * HTTP through the server again, and proxy.ts answers that inner /en/… request with a 307 back to
 * the page: every page redirects to itself. "localhost" keeps both origins equal and stays loopback.
 */
const NEXT_HOSTNAME = 'localhost';

export function freePort(host = HOST): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function readProc(pid: number, file: string): string | null {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

/** A /proc/<pid>/status field in bytes (VmRSS, VmHWM are in kB). */
export function statusBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readProc(pid, 'status') ?? '');
  return match ? Number(match[1]) * 1024 : null;
}

/** The pid and its descendants (Linux /proc), parents before children. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [root];
  }
  for (const name of entries) {
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const stat = readProc(Number(name), 'stat');
    if (!stat) continue;
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const list = children.get(ppid) ?? [];
    list.push(Number(name));
    children.set(ppid, list);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** The process that serves: the one titled next-server, else the deepest descendant, else the leader. */
function servingPid(leader: number): number {
  const tree = processTree(leader);
  const titled = tree.find((pid) => (readProc(pid, 'cmdline') ?? '').includes('next-server'));
  return titled ?? tree[tree.length - 1] ?? leader;
}

export interface RunningServer extends ServerHandle {
  child: ChildProcess;
  logFile: string;
  /** How it was started, for the report. */
  command: string;
  /** Log lines that look like errors (the server logs render and route errors). */
  errorLines(): string[];
  stop(): Promise<void>;
}

function serverCommand(root: string, address: string, port: number): { args: string[]; env: Record<string, string>; command: string } {
  const serve = path.join(root, 'scripts', 'serve.mjs');
  if (fs.existsSync(serve)) {
    // serve.mjs listens on HOST and hands Next the hostname "localhost" itself.
    return { args: [serve], env: { HOST: address }, command: 'node scripts/serve.mjs' };
  }
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  return { args: [nextBin, 'start', '-H', NEXT_HOSTNAME, '-p', String(port)], env: {}, command: `next start -H ${NEXT_HOSTNAME}` };
}

export interface ServerOptions {
  /** Listen here instead of on a free port. */
  port?: number;
  /** Extra environment (limits the measurements need). */
  env?: Record<string, string>;
  /** Run with `node --cpu-prof`, writing the profile into this folder when the server exits. */
  profileDir?: string;
  /** The log's name in .bench/ (default server.log). */
  logName?: string;
}

export async function startServer(root: string, databaseFile: string, log: (m: string) => void, options: ServerOptions = {}): Promise<RunningServer> {
  // The address `localhost` resolves to (as Node's listen() resolves it): 127.0.0.1 or ::1.
  const { address, family } = await dns.lookup(NEXT_HOSTNAME);
  const port = options.port ?? (await freePort(address));
  const origin = family === 6 ? `http://[${address}]:${port}` : `http://${address}:${port}`;
  const logFile = path.join(root, '.bench', options.logName ?? 'server.log');
  const out = fs.openSync(logFile, 'w');
  const { args, env, command } = serverCommand(root, address, port);
  if (options.profileDir) fs.mkdirSync(options.profileDir, { recursive: true });
  const nodeFlags = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  const child = spawnGroup(process.execPath, [...nodeFlags, ...args], {
    cwd: root,
    stdio: ['ignore', out, out],
    env: {
      ...process.env,
      ...env,
      NODE_ENV: 'production',
      DATABASE_FILE: databaseFile,
      PORT: String(port),
      SITE_URL: `http://${NEXT_HOSTNAME}:${port}`,
      // A throwaway secret keeps the corpus folder free of one (sessions live for one run).
      AUTH_SECRET: process.env.AUTH_SECRET ?? crypto.randomBytes(32).toString('base64url'),
      ...options.env,
    },
  });
  fs.closeSync(out);

  let exitedEarly: string | null = null;
  child.once('exit', (code, signal) => (exitedEarly = `exited (${signal ?? code})`));
  child.once('error', (err) => (exitedEarly = err.message));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exitedEarly || isInterrupted()) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
      throw new Error(`${command} ${exitedEarly ?? 'interrupted'}; last lines of ${logFile}:\n${tail}`);
    }
    try {
      const res = await get(`${origin}/api/health`, {}, 2000);
      if (res.status === 200) {
        log(`server: ${command} on ${origin} healthy (${res.body.toString('utf8').trim()})`);
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await killGroup(child);
      throw new Error(`${command} did not answer /api/health within 120 s (see ${logFile})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  const pid = servingPid(child.pid as number);
  return {
    origin,
    port,
    pid,
    child,
    logFile,
    command: options.profileDir ? command.replace(/^node /, 'node --cpu-prof ') : command,
    rss: () => statusBytes(pid, 'VmRSS'),
    peakRss: () => statusBytes(pid, 'VmHWM'),
    errorLines: () =>
      fs
        .readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((line) => /error|unhandled|⨯/i.test(line)),
    // A profiling server writes its profile on the way out: give it time.
    stop: () => killGroup(child, options.profileDir ? 60_000 : 5000),
  };
}
