/**
 * A load run with autocannon's programmatic API: `connections` connections (one worker: on a small
 * machine the load generator shares the cores with the server), rotating over a list of paths, after
 * an unrecorded warm-up of the same shape. Tallies a response header (x-nextjs-cache by default) to
 * show whether the pages came from the cache.
 */
import autocannon from 'autocannon';
import { cpuBetween, sampleCpu } from './cpu';
import { onInterrupt } from './processes';
import { round, tally } from './stats';
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
}

let current: autocannon.Instance | null = null;
onInterrupt(() => current?.stop());

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

function fire(ctx: BenchContext, spec: LoadSpec, seconds: number, counts: Map<string, number> | null): Promise<autocannon.Result> {
  const origin = spec.origin ?? ctx.server.origin;
  const headers = spec.headers ?? {};
  const n = spec.paths.length;
  let clientIndex = 0;
  return new Promise((resolve, reject) => {
    current = autocannon(
      {
        url: `${origin}${spec.paths[0] ?? '/'}`,
        connections: ctx.options.connections,
        duration: seconds,
        timeout: 10,
        headers,
        requests: spec.paths.map((path) => ({ method: 'GET', path, headers })),
        setupClient: (client) => {
          // Each connection starts at a different place in the list, so the load spreads over it
          // from the first second instead of every connection asking for the same page.
          const offset = Math.floor((clientIndex++ * n) / ctx.options.connections) % Math.max(1, n);
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
        current = null;
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve(result);
      },
    );
  });
}

export async function loadRow(ctx: BenchContext, measurement: string, spec: LoadSpec): Promise<Row> {
  const { duration, warmup, connections } = ctx.options;
  ctx.log(`${spec.label}: ${warmup} s warm-up, then ${duration} s at ${connections} connections over ${spec.paths.length} path(s)`);
  if (warmup > 0) await fire(ctx, spec, warmup, null);
  const counts = new Map<string, number>();
  const serverPid = spec.serverPid ?? ctx.server.pid;
  const before = sampleCpu(serverPid);
  const result = await fire(ctx, spec, duration, counts);
  const cpu = cpuBetween(before, sampleCpu(serverPid));
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
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
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
