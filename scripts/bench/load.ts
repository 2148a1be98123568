/**
 * A load run with autocannon's programmatic API: `connections` connections (one worker: on a small
 * machine the load generator shares the cores with the server), rotating over a list of paths, after
 * an unrecorded warm-up of the same shape. Tallies a response header (x-nextjs-cache by default) to
 * show whether the pages came from the cache.
 */
import autocannon from 'autocannon';
import { cpuBetween, sampleCpu, type CpuSplit } from './cpu';
import { onInterrupt } from './processes';
import { percentile, round, tally } from './stats';
import type { BenchContext, Row } from './types';

export interface LoadSpec {
  label: string;
  /** Origin to hit; defaults to the server's. */
  origin?: string;
  paths: string[];
  headers?: Record<string, string>;
  /** Response header to tally (lower case); null for none. */
  tallyHeader?: string | null;
  baseline?: boolean;
  /** The process whose CPU time is the "server" figure; defaults to next-server. */
  serverPid?: number;
  /** Connections; defaults to --connections. */
  connections?: number;
  /** A request unanswered after this long counts as an error (default 10 s). */
  timeoutSeconds?: number;
}

const running = new Set<autocannon.Instance>();
onInterrupt(() => {
  for (const instance of running) instance.stop();
});

interface ParsedHeaders {
  headers?: unknown;
}

function headerValue(info: unknown, name: string): string | null {
  // autocannon passes the HTTP parser's record: headers as a flat [name, value, …] list.
  const list = (info as ParsedHeaders | null)?.headers;
  if (!Array.isArray(list)) return null;
  for (let i = 0; i + 1 < list.length; i += 2) {
    if (String(list[i]).toLowerCase() === name) return String(list[i + 1]);
  }
  return null;
}

export interface RunningLoad {
  instance: autocannon.Instance;
  done: Promise<autocannon.Result>;
}

/**
 * Starts a load run of `seconds` and returns at once. `counts` (if given) tallies the spec's header;
 * `onResponse` sees every answer (status, latency in ms) as it arrives, for running figures.
 */
export function startLoad(
  ctx: BenchContext,
  spec: LoadSpec,
  seconds: number,
  counts: Map<string, number> | null,
  onResponse?: (status: number, ms: number) => void,
): RunningLoad {
  const origin = spec.origin ?? ctx.server.origin;
  const headers = spec.headers ?? {};
  const connections = spec.connections ?? ctx.options.connections;
  const n = spec.paths.length;
  let clientIndex = 0;
  let resolveDone: (r: autocannon.Result) => void = () => {};
  let rejectDone: (e: Error) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  const instance = autocannon(
    {
      url: `${origin}${spec.paths[0] ?? '/'}`,
      connections,
      duration: seconds,
      timeout: spec.timeoutSeconds ?? 10,
      headers,
      requests: spec.paths.map((path) => ({ method: 'GET', path, headers })),
      setupClient: (client) => {
        // Each connection starts at a different place in the list, so the load spreads over it
        // from the first second instead of every connection asking for the same page.
        const offset = Math.floor((clientIndex++ * n) / connections) % Math.max(1, n);
        const rotated = [...spec.paths.slice(offset), ...spec.paths.slice(0, offset)];
        client.setRequests(rotated.map((path) => ({ method: 'GET', path, headers })));
        if (counts && spec.tallyHeader !== null) {
          const name = spec.tallyHeader ?? 'x-nextjs-cache';
          client.on('headers', (info: unknown) => {
            const value = headerValue(info, name) ?? '(none)';
            counts.set(value, (counts.get(value) ?? 0) + 1);
          });
        }
      },
    },
    (err: unknown, result: autocannon.Result) => {
      running.delete(instance);
      if (err) rejectDone(err instanceof Error ? err : new Error(String(err)));
      else resolveDone(result);
    },
  );
  running.add(instance);
  if (onResponse) instance.on('response', (_client, status, _bytes, ms) => onResponse(status, ms));
  return { instance, done };
}

export function stopAllLoads(): void {
  for (const instance of running) instance.stop();
}

/** The table row of a finished load run. */
export function loadResultRow(measurement: string, spec: LoadSpec, result: autocannon.Result, cpu: CpuSplit, counts: Map<string, number>, latencies: number[]): Row {
  const notes: string[] = [];
  if (spec.tallyHeader !== null && counts.size > 0) notes.push(`${spec.tallyHeader ?? 'x-nextjs-cache'}: ${tally(counts)}`);
  if (result.non2xx > 0 && result.statusCodeStats) {
    const codes = Object.entries(result.statusCodeStats)
      .filter(([code]) => !code.startsWith('2'))
      .map(([code, s]) => `${code}×${s.count ?? 0}`);
    notes.push(`status ${codes.join(' ')}`);
  }
  if (result.timeouts > 0) notes.push(`${result.timeouts} timeouts`);
  const completed = result.requests.total;
  const problems: string[] = [];
  if (result.non2xx > 0) problems.push(`${result.non2xx} non-2xx responses`);
  if (result.errors > 0) problems.push(`${result.errors} connection errors/timeouts`);
  const misses = [...counts.entries()].filter(([k]) => k !== 'HIT' && k !== 'STALE').reduce((n, [, v]) => n + v, 0);
  if (spec.tallyHeader === undefined && misses > completed * 0.05) problems.push(`${misses} responses not from the page cache`);
  // Other work on the machine (someone's test run) takes cores from both sides: figures are low.
  if (cpu.otherPct !== null && cpu.otherPct > 25) problems.push(`other processes used ${cpu.otherPct}% of a core meanwhile: figures understated`);
  return {
    measurement,
    label: spec.label,
    reqPerSec: round(result.requests.mean, 1),
    // autocannon's summary has no p95: the percentiles come from every response's own time.
    p50Ms: latencies.length > 0 ? round(percentile(latencies, 50)) : result.latency.p50,
    p95Ms: latencies.length > 0 ? round(percentile(latencies, 95)) : undefined,
    p99Ms: latencies.length > 0 ? round(percentile(latencies, 99)) : result.latency.p99,
    maxMs: result.latency.max,
    requests: completed,
    non2xx: result.non2xx,
    errors: result.errors,
    bytesPerResponse: completed > 0 ? Math.round(result.throughput.total / completed) : undefined,
    serverCpuMsPerReq: cpu.serverMs !== null && completed > 0 ? round(cpu.serverMs / completed, 2) : undefined,
    serverCpuPct: cpu.serverPct ?? undefined,
    loadGeneratorCpuPct: cpu.loadGeneratorPct,
    otherCpuPct: cpu.otherPct ?? undefined,
    baseline: spec.baseline,
    note: notes.join('; ') || undefined,
    warning: problems.join('; ') || undefined,
  };
}

/** Load on pages rendered per request: fewer connections, a longer run, a longer timeout. */
export function dynamicRow(ctx: BenchContext, measurement: string, spec: LoadSpec): Promise<Row> {
  return loadRow(ctx, measurement, { connections: ctx.options.dynamicConnections, timeoutSeconds: 60, ...spec }, undefined, 2 * ctx.options.duration);
}

/** Microseconds of the monotonic clock (CLOCK_MONOTONIC, as V8's profiler timestamps). */
export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * Warm-up (unrecorded) then a recorded run of --duration seconds (or `seconds`); `during` runs
 * alongside the recorded part and gets its end as a performance.now() time.
 */
export async function loadRow(
  ctx: BenchContext,
  measurement: string,
  spec: LoadSpec,
  during?: (stopAt: number) => Promise<void>,
  seconds = ctx.options.duration,
): Promise<Row> {
  const { warmup } = ctx.options;
  const connections = spec.connections ?? ctx.options.connections;
  ctx.log(`${spec.label}: ${warmup} s warm-up, then ${seconds} s at ${connections} connections over ${spec.paths.length} path(s)`);
  if (warmup > 0) await startLoad(ctx, spec, warmup, null).done;
  const counts = new Map<string, number>();
  const serverPid = spec.serverPid ?? ctx.server.pid;
  const before = sampleCpu(serverPid);
  const latencies: number[] = [];
  const startUs = monotonicUs();
  const run = startLoad(ctx, spec, seconds, counts, (_status, ms) => latencies.push(ms));
  const side = during?.(performance.now() + seconds * 1000);
  const result = await run.done;
  const cpu = cpuBetween(before, sampleCpu(serverPid));
  await side;
  if (serverPid === ctx.server.pid) ctx.windows.push({ label: spec.label, startUs, endUs: monotonicUs(), requests: result.requests.total, serverCpuMs: cpu.serverMs });
  return loadResultRow(measurement, spec, result, cpu, counts, latencies);
}
