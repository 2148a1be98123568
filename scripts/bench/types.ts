/**
 * The shapes shared by the benchmark's parts. A measurement is a small async function that gets the
 * running server (and whatever the harness prepared) and returns rows for the table and the JSON.
 */
import type { Fixtures } from './fixtures';
import type { BenchOptions } from './options';

/** One line of the report. Every figure is optional: a timing-only row has no req/s, and so on. */
export interface Row {
  /** Which measurement produced it (its `name`). */
  measurement: string;
  /** What the line is about, e.g. "article page (identity)". */
  label: string;
  /** A single figure that is not a latency or a rate (a size, a duration, a count), as printed. */
  value?: string;
  /** Completed requests per second (mean over the run). */
  reqPerSec?: number;
  p50Ms?: number;
  p95Ms?: number;
  p99Ms?: number;
  maxMs?: number;
  /** Completed requests (or samples, for timing rows). */
  requests?: number;
  non2xx?: number;
  /** Connection errors and timeouts. */
  errors?: number;
  /** Mean response size in bytes (body + headers as received). */
  bytesPerResponse?: number;
  /** Server CPU time per completed request (ms). */
  serverCpuMsPerReq?: number;
  /** CPU used during the recorded run, in percent of one core: server, load generator, the rest. */
  serverCpuPct?: number;
  loadGeneratorCpuPct?: number;
  otherCpuPct?: number;
  /** This row is the in-memory baseline the others are compared to. */
  baseline?: boolean;
  /** reqPerSec divided by the baseline's; filled in by the harness. */
  vsBaseline?: number;
  /** Something looks wrong (errors, non-2xx, a page not from the cache): printed loudly. */
  warning?: string;
  /** Anything worth a glance: cache header tally, status codes, sizes. */
  note?: string;
}

/** A target picked from the corpus. */
export interface ArticleTarget {
  id: number;
  path: string;
  /** Why it was picked: among the most viewed, the newest, or spread over the id range. */
  why: 'hot' | 'new' | 'spread';
}

export interface LoadWindow {
  label: string;
  startUs: number;
  endUs: number;
  /** Requests the server completed meanwhile. */
  requests: number;
  /** The server's CPU time meanwhile (user + system, from /proc), or null. */
  serverCpuMs: number | null;
}

export interface ServerHandle {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** The process serving requests (next-server), for /proc readings. */
  pid: number;
  /** Resident set size of the serving process in bytes, or null when it cannot be read. */
  rss(): number | null;
  /** Peak resident set size (VmHWM) in bytes, or null. */
  peakRss(): number | null;
}

export interface BenchContext {
  options: BenchOptions;
  root: string;
  server: ServerHandle;
  corpus: { file: string; articles: number; comments: number };
  /** The article addresses to rotate over, hottest first; warmed by the "warm-up" measurement. */
  articles: ArticleTarget[];
  /** Users, the threads the writers post to, the article with 1 000 comments (scripts/bench/fixtures.ts). */
  fixtures: Fixtures;
  /** The WAL file beside the store. */
  walFile: string;
  /** Shared between measurements (e.g. the bytes the baseline serves). */
  shared: Map<string, unknown>;
  /** Extra blocks of text printed after the table (the soak's samples, a profile's breakdown). */
  sections: string[];
  /** The recorded load runs (monotonic µs, the clock of V8's CPU profiles): --profile splits its figures by them. */
  windows: LoadWindow[];
  log(message: string): void;
  /** A second server on the same store, as the first is started (for a clean memory reading); stop it after use. */
  startSpareServer(name: string): Promise<ServerHandle & { stop(): Promise<void> }>;
  /** Set once the run is being interrupted: long measurements should stop early. */
  readonly aborted: boolean;
}

export interface Measurement {
  /** Short identifier, used by `--only` and in the JSON. */
  name: string;
  /** One line for `--help`. */
  description: string;
  /** Not run unless named in `--only` (diagnostics rather than headline figures). */
  optional?: boolean;
  /** Always run, whatever `--only` says (others depend on it, e.g. the cache warm-up). */
  always?: boolean;
  run(ctx: BenchContext): Promise<Row[]>;
}
