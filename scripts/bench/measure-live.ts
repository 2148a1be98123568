/**
 * Live updates: --streams open SSE streams, then --live-posts comments posted one at a time; for each,
 * when every stream got its `thread` event. The event carries `lastCommentAt`, the time the comment
 * was written (the server's clock, the same machine's), so "written → received" needs no clock sync.
 */
import { latencyFigures } from './measure-accounts';
import { mb, round } from './stats';
import { openStreams, type StreamEvent } from './sse';
import type { BenchContext, Measurement, Row } from './types';
import { commentInterval, postOnce, prepareWriters } from './writers';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export const live: Measurement = {
  name: 'live',
  description: '--streams open /api/live streams: RSS per stream, and --live-posts comments timed from being written to arriving on every stream',
  async run(ctx) {
    const n = ctx.options.streams;
    const [writer] = await prepareWriters(ctx, [ctx.fixtures.livePoster], ctx.fixtures.writeArticles);
    if (!writer) throw new Error('no live poster');
    const threadId = writer.article.threadId;

    // The post being timed: only this poster writes during the measurement, so the first `thread`
    // event of the thread written after the post was sent is its event.
    let current: { sentAt: number; writtenAt: number | null; at: Float64Array; got: number; all: () => void } | null = null;
    const onEvent = (stream: number, event: StreamEvent, at: number) => {
      if (!current || event.type !== 'thread' || event.threadId !== threadId || typeof event.lastCommentAt !== 'number') return;
      // Comment times are whole ms, taken on the server after the request was sent.
      if (event.lastCommentAt < current.sentAt - 1 || current.at[stream] !== 0) return;
      current.at[stream] = at;
      current.writtenAt ??= event.lastCommentAt;
      if (++current.got === n) current.all();
    };

    const memory = await memoryPerStream(ctx, n);
    const rssBefore = ctx.server.rss();
    const opening = performance.now();
    ctx.log(`live: opening ${n} streams`);
    const streams = await openStreams(ctx.server.origin, n, { onEvent });
    const openSeconds = (performance.now() - opening) / 1000;
    await sleep(2000);
    const rssOpen = ctx.server.rss();
    const rows: Row[] = [];
    try {
      if (streams.ready < n) throw new Error(`only ${streams.ready} of ${n} streams opened (${[...streams.refused].map(([k, v]) => `${k}×${v}`).join(', ')})`);
      rows.push({
        measurement: 'live',
        label: `live: ${n} open streams, server memory per stream`,
        value: memory.perStreamKb === null ? '?' : `${memory.perStreamKb} KB`,
        note: `${memory.note}; on the server under test (heap already grown by earlier runs): RSS ${mb(rssBefore)} → ${mb(rssOpen)} MB, ${n} streams opened in ${openSeconds.toFixed(1)} s, 50 at a time`,
      });

      ctx.log(`live: ${ctx.options.livePosts} comments, one every ${ctx.options.postEvery} ms, each awaited on all ${n} streams`);
      const perStream: number[] = [];
      const fromSend: number[] = [];
      const lastStream: number[] = [];
      const postMs: number[] = [];
      let missing = 0;
      let refused = 0;
      for (let i = 0; i < ctx.options.livePosts && !ctx.aborted; i++) {
        const slot = performance.now();
        let all: () => void = () => {};
        const done = new Promise<void>((resolve) => (all = resolve));
        const entry = { sentAt: Date.now(), writtenAt: null as number | null, at: new Float64Array(n), got: 0, all };
        current = entry;
        const posted = await postOnce(ctx, writer);
        postMs.push(posted.ms);
        if (!posted.ok) {
          refused++;
          current = null;
          continue;
        }
        await Promise.race([done, sleep(10_000)]);
        current = null;
        missing += n - entry.got;
        const received = [...entry.at].filter((t) => t > 0);
        if (entry.writtenAt !== null) for (const t of received) perStream.push(t - entry.writtenAt);
        for (const t of received) fromSend.push(t - posted.sentAt);
        if (received.length > 0) lastStream.push(Math.max(...received) - posted.sentAt);
        await sleep(Math.max(slot + ctx.options.postEvery - performance.now(), commentInterval(ctx.options.postEvery) + 20));
      }
      rows.push({
        measurement: 'live',
        label: `live: comment written → event received, per stream`,
        ...latencyFigures(perStream),
        requests: perStream.length,
        note: `${ctx.options.livePosts} comments × ${n} streams; ms resolution (the event's lastCommentAt against the receiver's clock)${missing ? `; ${missing} deliveries missing after 10 s` : ''}`,
        warning: missing > 0 || refused > 0 ? `${missing} deliveries missing, ${refused} posts refused` : undefined,
      });
      rows.push({
        measurement: 'live',
        label: `live: post sent → last of ${n} streams has it`,
        ...latencyFigures(lastStream),
        requests: lastStream.length,
        note: `includes the server action (p50 ${round(percentile50(fromSend))} ms from post sent to a stream's receipt)`,
      });
      rows.push({
        measurement: 'live',
        label: `comment post, ${n} streams open, no other load`,
        ...latencyFigures(postMs),
        requests: postMs.length,
        non2xx: refused,
        note: 'the live measurement’s own posts (303 expected)',
      });
    } finally {
      streams.close();
    }
    await sleep(1000);
    const rssClosed = ctx.server.rss();
    const first = rows[0];
    if (first) first.note = `${first.note ?? ''}; ${mb(rssClosed)} MB 1 s after closing them`;
    return rows;
  },
};

/**
 * RSS per stream on a fresh server (same store, same build): the server under test has a heap
 * grown by the earlier measurements, with room for the streams that RSS would not show.
 */
async function memoryPerStream(ctx: BenchContext, n: number): Promise<{ perStreamKb: number | null; note: string }> {
  ctx.log(`live: memory per stream, on a fresh server`);
  const spare = await ctx.startSpareServer('live-memory');
  try {
    // The stream route's modules load on its first request: not a per-stream cost.
    const first = await openStreams(spare.origin, 10);
    first.close();
    await sleep(2000);
    const before = spare.rss();
    const streams = await openStreams(spare.origin, n);
    await sleep(2000);
    const after = spare.rss();
    streams.close();
    const perStreamKb = before !== null && after !== null && streams.ready > 0 ? round((after - before) / 1024 / streams.ready, 1) : null;
    return { perStreamKb, note: `fresh server: RSS ${mb(before)} MB → ${mb(after)} MB with ${streams.ready} streams open (2 s after the last opened)` };
  } finally {
    await spare.stop();
  }
}

function percentile50(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] as number;
}
