/** The human table and the machine line (`BENCH_JSON {…}`, also written to `.bench/last.json`). */
import fs from 'node:fs';
import path from 'node:path';
import type { Row } from './types';

export interface Report {
  version: 1;
  startedAt: string;
  totalSeconds: number;
  machine: { cpus: number; node: string; platform: string; loadAvgStart: number[]; loadAvgEnd: number[] };
  options: Record<string, unknown>;
  corpus: { file: string; articles: number; comments: number; seed: number; reused: boolean; generationSeconds: number; generatedAt: string };
  build: { built: boolean; reason: string | null; seconds: number };
  server: {
    command: string;
    origin: string;
    pid: number;
    readySeconds: number;
    rssStartMB: number | null;
    rssEndMB: number | null;
    peakRssMB: number | null;
    /** RSS after each measurement. */
    rssAfterMB: Record<string, number | null>;
    errorLogLines: number;
  };
  articles: { count: number; hot: number; new: number; spread: number };
  /** What the signed-in measurements used (scripts/bench/fixtures.ts). */
  fixtures: { users: number; writeArticles: string[]; thousand: { path: string; comments: number; origin: string } };
  rows: Row[];
  /** Blocks printed after the table: the soak's samples, the profile's breakdown. */
  sections?: string[];
  /** Measurements that threw: name → message. The benchmark goes on without them. */
  failures: Record<string, string>;
}

/** Fills vsBaseline from the row marked baseline. */
export function compareToBaseline(rows: Row[]): void {
  const base = rows.find((r) => r.baseline && r.reqPerSec);
  if (!base?.reqPerSec) return;
  for (const row of rows) {
    // Page loads only (rows with a response size): posts per second are not comparable to it.
    if (row.reqPerSec !== undefined && row.bytesPerResponse !== undefined) row.vsBaseline = Math.round((row.reqPerSec / base.reqPerSec) * 1000) / 1000;
  }
}

const fmt = (v: number | undefined, digits = 0): string =>
  v === undefined || Number.isNaN(v) ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function table(rows: Row[]): string {
  const header = ['', 'value', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'requests', 'non-2xx', 'errors', 'bytes/resp', '× baseline', 'srv CPU ms/req', 'CPU% srv/gen/other'];
  const lines = rows.map((r) => [
    r.label,
    r.value ?? '–',
    fmt(r.reqPerSec),
    fmt(r.p50Ms, 1),
    fmt(r.p95Ms, 1),
    fmt(r.p99Ms, 1),
    fmt(r.maxMs, 1),
    fmt(r.requests),
    fmt(r.non2xx),
    fmt(r.errors),
    fmt(r.bytesPerResponse),
    r.baseline ? '1 (base)' : r.vsBaseline === undefined ? '–' : r.vsBaseline.toFixed(3),
    fmt(r.serverCpuMsPerReq, 2),
    r.loadGeneratorCpuPct === undefined ? '–' : `${fmt(r.serverCpuPct)}/${fmt(r.loadGeneratorCpuPct)}/${fmt(r.otherCpuPct)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const out = [render(header), widths.map((w) => '─'.repeat(w)).join('  '), ...lines.map(render)];
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.label}: ${r.note}`);
  if (notes.length > 0) out.push('', 'notes:', ...notes);
  return out.join('\n');
}

export function summary(report: Report): string {
  const s = report.server;
  const c = report.corpus;
  return [
    `corpus   ${c.articles} articles, ${c.comments} comments (${path.basename(c.file)}), ${c.reused ? `reused (generated ${c.generatedAt} in ${c.generationSeconds.toFixed(1)} s)` : `generated in ${c.generationSeconds.toFixed(1)} s`}`,
    `build    ${report.build.built ? `built in ${report.build.seconds.toFixed(1)} s (${report.build.reason})` : 'reused the current build'}`,
    `server   ${s.command}, pid ${s.pid}, ready in ${s.readySeconds.toFixed(1)} s; RSS ${s.rssStartMB ?? '?'} MB at start → ${s.rssEndMB ?? '?'} MB at end (peak ${s.peakRssMB ?? '?'} MB); ${s.errorLogLines} error line(s) in .bench/server.log`,
    `rss      ${Object.entries(s.rssAfterMB)
      .map(([k, v]) => `after ${k} ${v ?? '?'} MB`)
      .join(', ')}`,
    `articles ${report.articles.count} addresses (${report.articles.hot} most viewed, ${report.articles.new} newest, ${report.articles.spread} spread over the ids)`,
    `fixtures ${report.fixtures.users} bench users; writers post to ${report.fixtures.writeArticles.join(', ')}; ${report.fixtures.thousand.comments} comments on ${report.fixtures.thousand.path} (${report.fixtures.thousand.origin})`,
    `machine  ${report.machine.cpus} CPUs, node ${report.machine.node}, load average ${report.machine.loadAvgStart.join(' ')} at start, ${report.machine.loadAvgEnd.join(' ')} at end; ${report.options.connections} connections, ${report.options.duration} s each after ${report.options.warmup} s warm-up, 1 load worker`,
    ...report.rows.filter((r) => r.warning).map((r) => `WARNING  ${r.label}: ${r.warning}`),
    ...Object.entries(report.failures).map(([name, message]) => `FAILED   ${name}: ${message}`),
    `total    ${report.totalSeconds.toFixed(1)} s wall-clock`,
  ].join('\n');
}

export function writeJson(root: string, report: Report): void {
  const line = JSON.stringify(report);
  console.log(`BENCH_JSON ${line}`);
  fs.writeFileSync(path.join(root, '.bench', 'last.json'), `${JSON.stringify(report, null, 2)}\n`);
}
