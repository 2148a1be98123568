/**
 * `--soak S`: the site as it would be on a busy evening, for S seconds: --connections anonymous
 * readers (article pages, the home page, the threads being written to), --writers signed-in users
 * posting comments, --streams open live streams. Figures: 5xx answers (there should be none), the
 * server's RSS and the WAL file's size at the start, every few seconds, at the end and at most.
 */
import fs from 'node:fs';
import { cpuBetween, sampleCpu } from './cpu';
import { latencyFigures } from './measure-accounts';
import { loadResultRow, monotonicUs, startLoad, type LoadSpec } from './load';
import { openStreams } from './sse';
import { mb, round } from './stats';
import type { BenchContext, Measurement, Row } from './types';
import { prepareWriters, refusals, runWriters } from './writers';

interface Sample {
  second: number;
  rssMB: number | null;
  walMB: number;
  readsPerSec: number;
  read5xx: number;
  posts: number;
  postsRefused: number;
  post5xx: number;
  streamsOpen: number;
  events: number;
}

function walBytes(ctx: BenchContext): number {
  try {
    return fs.statSync(ctx.walFile).size;
  } catch {
    return 0;
  }
}

function samplesTable(samples: Sample[]): string {
  const header = ['t s', 'RSS MB', 'WAL MB', 'reads/s', 'read 5xx', 'posts', 'refused', 'post 5xx', 'streams open', 'events'];
  const lines = samples.map((s) => [
    String(s.second),
    s.rssMB === null ? '?' : s.rssMB.toFixed(1),
    s.walMB.toFixed(1),
    s.readsPerSec.toFixed(0),
    String(s.read5xx),
    String(s.posts),
    String(s.postsRefused),
    String(s.post5xx),
    String(s.streamsOpen),
    String(s.events),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  return ['soak samples (counts are per interval; RSS of the serving process; WAL = the store’s -wal file):', render(header), widths.map((w) => '─'.repeat(w)).join('  '), ...lines.map(render)].join('\n');
}

export const soak: Measurement = {
  name: 'soak',
  description: 'selected by --soak S (not by --only): readers + writers + open streams together for S seconds; 5xx count, RSS and WAL over time',
  optional: true,
  async run(ctx) {
    const seconds = ctx.options.soak ?? 60;
    const n = ctx.options.streams;
    const writers = await prepareWriters(ctx, ctx.fixtures.writers, ctx.fixtures.writeArticles);
    const spec: LoadSpec = {
      label: `soak: anonymous readers (${ctx.options.connections} connections)`,
      paths: [...ctx.articles.map((a) => a.path), '/', ...ctx.fixtures.writeArticles.map((a) => a.path)],
      tallyHeader: 'x-nextjs-cache',
    };

    const rssStart = ctx.server.rss();
    const walStart = walBytes(ctx);
    ctx.log(`soak: opening ${n} streams`);
    const streams = await openStreams(ctx.server.origin, n);
    ctx.log(`soak: ${seconds} s of ${ctx.options.connections} readers, ${writers.length} writers (one post each every ${ctx.options.postEvery} ms), ${streams.ready} open streams`);

    const samples: Sample[] = [{ second: 0, rssMB: mb(rssStart), walMB: mb(walStart) ?? 0, readsPerSec: 0, read5xx: 0, posts: 0, postsRefused: 0, post5xx: 0, streamsOpen: streams.open, events: 0 }];
    let reads = 0;
    let read5xx = 0;
    let posts = 0;
    let postsRefused = 0;
    let post5xx = 0;
    let eventsSeen = 0;
    let walMax = walStart;
    let rssMax = rssStart ?? 0;
    let rssMin = rssStart ?? Infinity;
    const started = performance.now();
    let lastSampleAt = started;
    const takeSample = () => {
      const now = performance.now();
      const rss = ctx.server.rss();
      const wal = walBytes(ctx);
      walMax = Math.max(walMax, wal);
      if (rss !== null) {
        rssMax = Math.max(rssMax, rss);
        rssMin = Math.min(rssMin, rss);
      }
      samples.push({
        second: Math.round((now - started) / 1000),
        rssMB: mb(rss),
        walMB: mb(wal) ?? 0,
        readsPerSec: reads / ((now - lastSampleAt) / 1000),
        read5xx,
        posts,
        postsRefused,
        post5xx,
        streamsOpen: streams.open,
        events: streams.events - eventsSeen,
      });
      eventsSeen = streams.events;
      lastSampleAt = now;
      reads = read5xx = posts = postsRefused = post5xx = 0;
    };
    // About a dozen samples, no closer than 5 s; the WAL is looked at every second for its maximum.
    const sampleEvery = Math.max(5, Math.round(seconds / 12)) * 1000;
    const sampler = setInterval(takeSample, sampleEvery);
    const walWatch = setInterval(() => (walMax = Math.max(walMax, walBytes(ctx))), 1000);

    const counts = new Map<string, number>();
    const cpuBefore = sampleCpu(ctx.server.pid);
    const startUs = monotonicUs();
    const load = startLoad(ctx, spec, seconds, counts, (status) => {
      reads++;
      if (status >= 500) read5xx++;
    });
    let all: Awaited<ReturnType<typeof runWriters>> = [];
    try {
      [, all] = await Promise.all([
        load.done,
        runWriters(ctx, writers, started + seconds * 1000, (p) => {
          if (p.ok) posts++;
          else postsRefused++;
          if (p.status >= 500) post5xx++;
        }),
      ]);
    } finally {
      clearInterval(sampler);
      clearInterval(walWatch);
    }
    const result = await load.done;
    const cpu = cpuBetween(cpuBefore, sampleCpu(ctx.server.pid));
    ctx.windows.push({ label: spec.label, startUs, endUs: monotonicUs(), requests: result.requests.total + all.length, serverCpuMs: cpu.serverMs });
    takeSample();
    const rssEnd = ctx.server.rss();
    const walEnd = walBytes(ctx);
    const streamsAtEnd = streams.open;
    const events = streams.events;
    streams.close();
    ctx.sections.push(samplesTable(samples));

    const readers = loadResultRow('soak', spec, result, cpu, counts, []);
    const readers5xx = Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => code.startsWith('5'))
      .reduce((sum, [, s]) => sum + (s.count ?? 0), 0);
    const writers5xx = all.filter((p) => p.status >= 500).length;
    const streams5xx = [...streams.refused].filter(([code]) => code.startsWith('5')).reduce((sum, [, c]) => sum + c, 0);
    const total5xx = readers5xx + writers5xx + streams5xx;
    const ok = all.filter((p) => p.ok);
    const why = refusals(all);
    const rows: Row[] = [
      readers,
      {
        measurement: 'soak',
        label: `soak: comment posts (${writers.length} writers)`,
        reqPerSec: round(ok.length / seconds, 2),
        ...latencyFigures(all.map((p) => p.ms)),
        requests: all.length,
        non2xx: all.length - ok.length,
        note: why ? `refused: ${why}` : 'all accepted (303)',
        warning: all.length > ok.length ? `${all.length - ok.length} of ${all.length} posts were not accepted` : undefined,
      },
      {
        measurement: 'soak',
        label: `soak: live streams (${n})`,
        value: `${streamsAtEnd} open at end`,
        note: `${streams.ready} opened, ${streams.dropped} closed by the server, ${[...streams.refused].map(([k, v]) => `${v} refused (${k})`).join(', ') || 'none refused'}; ${events} events received (${round(events / Math.max(1, streams.ready), 1)} per stream)`,
        warning: streams.dropped > 0 || streams.ready < n ? `${n - streamsAtEnd} of ${n} streams not open at the end` : undefined,
      },
      {
        measurement: 'soak',
        label: 'soak: 5xx answers',
        value: String(total5xx),
        note: `readers ${readers5xx}, writers ${writers5xx}, stream opens ${streams5xx}`,
        warning: total5xx > 0 ? `${total5xx} answers with a 5xx status (there should be none)` : undefined,
      },
      {
        measurement: 'soak',
        label: 'soak: server RSS',
        value: `${mb(rssStart)} → ${mb(rssEnd)} MB`,
        note: `min ${mb(Number.isFinite(rssMin) ? rssMin : null)} MB, max ${mb(rssMax)} MB over ${samples.length} samples (start: before the streams opened); server CPU ${cpu.serverPct ?? '?'}% of a core`,
      },
      {
        measurement: 'soak',
        label: 'soak: WAL file',
        value: `${mb(walStart)} / ${mb(walEnd)} / ${mb(walMax)} MB`,
        note: 'start / end / max (checked every second)',
      },
    ];
    return rows;
  },
};
