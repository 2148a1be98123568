/**
 * `--profile`: the server runs with `node --cpu-prof`, and the profile it writes on exit is summed up
 * here: for each recorded load run, the server's CPU time per request and its share by where the code
 * lives (Next's routing and cache, the React renderer, the app's bundle, Node's HTTP and buffers,
 * serve.mjs and its CSP, SQLite, garbage collection…), then the busiest functions over all the runs.
 * Self time only: a function's own samples, not those of what it calls.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LoadWindow } from './types';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  /** Microseconds of the monotonic clock, as process.hrtime. */
  startTime: number;
  endTime: number;
}

const AREAS: Array<[RegExp, string]> = [
  [/better-sqlite3/, 'SQLite (better-sqlite3)'],
  [/lib\/server\/csp\.mjs/, 'serve.mjs: CSP (hash of each inline script)'],
  [/scripts\/serve\.mjs/, 'serve.mjs'],
  [/node_modules\/(compression|on-headers|negotiator|compressible|vary|accepts|bytes|safe-buffer)\//, 'compression middleware'],
  [/compiled\/next-server\/app-page/, 'Next app-page runtime (React server renderer, RSC, app router)'],
  [/compiled\/next-server\/app-route/, 'Next route-handler runtime'],
  [/compiled\/next-server\//, 'Next server runtime (other)'],
  [/node_modules\/next\/dist\/compiled\//, 'Next compiled dependencies'],
  [/node_modules\/next\/dist\/server\/lib\/(router|router-utils|resolve-routes)/, 'Next routing (resolve-routes, proxy rewrite)'],
  [/node_modules\/next\/dist\/server\/(lib\/incremental-cache|response-cache)|incremental-cache|response-cache/, 'Next ISR cache (incremental/response cache)'],
  [/node_modules\/next\//, 'Next server (other: request handling, headers, tracing)'],
  [/\.next\/server\/(middleware|edge|proxy)/, 'proxy.ts (its bundle)'],
  [/\[turbopack\]_runtime/, 'module loading (Turbopack runtime)'],
  [/\.next\/server\//, 'app bundle (.next/server: pages, queries, components, bundled libraries)'],
  [/^node:internal\/modules|^node:internal\/vm/, 'module loading (Node)'],
  [/^node:internal\/deps\/undici/, 'Node undici (Request/Response/Headers objects)'],
  [/^node:buffer|^node:internal\/buffer/, 'Node Buffer (copies, string conversion)'],
  [/async_hooks|^node:internal\/async_local_storage/, 'AsyncLocalStorage (async_hooks)'],
  [/^node:zlib|^node:internal\/zlib/, 'Node zlib (gzip)'],
  [/^node:crypto|^node:internal\/crypto/, 'Node crypto'],
  [/^node:(_http|http|net|stream|internal\/(http|streams|stream_base|net|webstreams|url))/, 'Node HTTP, sockets, streams, URL'],
  [/^node:/, 'Node (other core)'],
];

/** Where a frame's code lives, in words a reader of the report knows. */
export function area(frame: CallFrame): string {
  const { functionName: fn, url } = frame;
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)' || fn === '(root)') return '(idle)';
  if (fn === '(program)') return 'native, not under a JS frame (V8, libuv, I/O)';
  for (const [re, name] of AREAS) if (re.test(url)) return name;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) return `package ${pkg}`;
  if (url === '') return 'V8 builtins and native calls (JSON, RegExp, string, writev…)';
  return url.replace(/^file:\/\//, '');
}

interface Tally {
  busyUs: number;
  idleUs: number;
  byArea: Map<string, number>;
  byFunction: Map<string, { us: number; area: string }>;
}

function tallyProfile(profile: CpuProfile, from: number, to: number): Tally {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const t: Tally = { busyUs: 0, idleUs: 0, byArea: new Map(), byFunction: new Map() };
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i] ?? 0;
    at += us;
    if (at < from || at > to) return;
    const node = byId.get(id);
    if (!node) return;
    const where = area(node.callFrame);
    if (where === '(idle)') {
      t.idleUs += us;
      return;
    }
    t.busyUs += us;
    t.byArea.set(where, (t.byArea.get(where) ?? 0) + us);
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'}${f.url ? ` ${path.basename(f.url.replace(/^file:\/\//, ''))}:${f.lineNumber + 1}` : ''}`;
    const entry = t.byFunction.get(key) ?? { us: 0, area: where };
    entry.us += us;
    t.byFunction.set(key, entry);
  });
  return t;
}

const pct = (part: number, whole: number) => `${((100 * part) / Math.max(1, whole)).toFixed(1).padStart(5)} %`;

export function summarizeProfile(file: string, windows: LoadWindow[], topAreas = 8, topFunctions = 20): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const whole = tallyProfile(profile, -Infinity, Infinity);
  const lines = [
    `CPU profile of the server: ${path.relative(process.cwd(), file)}`,
    `whole run: ${(whole.busyUs / 1e6).toFixed(1)} s busy, ${(whole.idleUs / 1e6).toFixed(1)} s idle (start-up and warm-up included)`,
  ];
  const inWindows: Tally = { busyUs: 0, idleUs: 0, byArea: new Map(), byFunction: new Map() };
  for (const w of windows) {
    const t = tallyProfile(profile, w.startUs, w.endUs);
    if (t.busyUs + t.idleUs === 0) continue;
    for (const [k, v] of t.byArea) inWindows.byArea.set(k, (inWindows.byArea.get(k) ?? 0) + v);
    for (const [k, v] of t.byFunction) {
      const e = inWindows.byFunction.get(k) ?? { us: 0, area: v.area };
      e.us += v.us;
      inWindows.byFunction.set(k, e);
    }
    inWindows.busyUs += t.busyUs;
    // The profiler samples the main thread's wall-clock time while it is not idle, which on a busy
    // machine includes time the thread waited for a core: shares come from the profile, the CPU
    // time per request from /proc (all threads, so the shares apply to it only approximately).
    const cpuPerRequest = w.serverCpuMs !== null && w.requests > 0 ? w.serverCpuMs / w.requests : null;
    lines.push(
      '',
      `${w.label}: ${w.requests} requests; main thread ${(t.busyUs / 1e6).toFixed(2)} s busy, ${(t.idleUs / 1e6).toFixed(2)} s idle; ${cpuPerRequest === null ? '' : `${cpuPerRequest.toFixed(2)} ms server CPU per request (/proc), split as sampled:`}`,
    );
    for (const [where, us] of [...t.byArea].sort((a, b) => b[1] - a[1]).slice(0, topAreas)) {
      const ms = cpuPerRequest === null ? '' : `${((cpuPerRequest * us) / Math.max(1, t.busyUs)).toFixed(2).padStart(7)} ms/req`;
      lines.push(`  ${pct(us, t.busyUs)} ${ms}  ${where}`);
    }
    lines.push(
      `  busiest functions: ${[...t.byFunction]
        .sort((a, b) => b[1].us - a[1].us)
        .slice(0, 6)
        .map(([key, { us }]) => `${key} ${pct(us, t.busyUs).trim()}`)
        .join(', ')}`,
    );
  }
  const source = inWindows.busyUs > 0 ? inWindows : whole;
  lines.push(
    '',
    `busiest ${topFunctions} functions (self time${inWindows.busyUs > 0 ? ', recorded load runs only' : ''}):`,
    ...[...source.byFunction]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, topFunctions)
      .map(([key, { us, area: where }]) => `  ${pct(us, source.busyUs)}  ${key}  [${where}]`),
  );
  return lines.join('\n');
}

/** The newest .cpuprofile in the folder, or null. */
export function newestProfile(dir: string): string | null {
  if (!fs.existsSync(dir)) return null;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return files[0] ?? null;
}
