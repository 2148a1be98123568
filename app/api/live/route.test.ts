import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { liveBus } from '@/lib/live';
import type { LiveEvent } from '@/lib/live/events';
import { GET } from './route';

const bus = liveBus();
const decoder = new TextDecoder();
const noParams = { params: Promise.resolve({}) };

type State = { total: number; perIp: Map<string, number>; streams: Set<unknown>; timer: unknown };
const streams = (): State => {
  const state = (globalThis as unknown as Record<symbol, State | undefined>)[Symbol.for('courier.liveStreams')];
  if (!state) throw new Error('the route has not set up its state');
  return state;
};

const thread = (threadId: number): LiveEvent => ({ type: 'thread', threadId, title: 'T', href: `/threads/${threadId}`, commentCount: 1, lastCommentAt: 1 });

type Open = { response: Response; abort: () => void; read: () => Promise<string>; readUntil: (text: string) => Promise<string> };

async function open(options: { ip?: string; lastEventId?: string; query?: string } = {}): Promise<Open> {
  const controller = new AbortController();
  const headers = new Headers({ 'x-courier-client-ip': options.ip ?? '10.0.0.1' });
  if (options.lastEventId !== undefined) headers.set('last-event-id', options.lastEventId);
  const request = new NextRequest(`http://localhost/api/live${options.query ?? ''}`, { headers, signal: controller.signal });
  const response = await GET(request, noParams);
  opened.push(controller);
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let buffered = '';
  const read = async () => {
    reader ??= response.body?.getReader();
    if (!reader) return '';
    const { value, done } = await reader.read();
    return done ? '' : decoder.decode(value);
  };
  return {
    response,
    abort: () => controller.abort(),
    read,
    readUntil: async (text) => {
      while (!buffered.includes(text)) {
        const chunk = await read();
        if (!chunk) break;
        buffered += chunk;
      }
      const all = buffered;
      buffered = '';
      return all;
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const opened: AbortController[] = [];

afterEach(async () => {
  for (const controller of opened.splice(0)) controller.abort();
  await settle();
  vi.useRealTimers();
  delete process.env.LIVE_MAX_STREAMS;
  delete process.env.LIVE_MAX_STREAMS_PER_IP;
});

describe('GET /api/live', () => {
  it('opens an event stream: retry, then ready carrying the latest id', async () => {
    const s = await open();
    expect(s.response.status).toBe(200);
    expect(s.response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(s.response.headers.get('cache-control')).toBe('no-store, no-transform');
    expect(s.response.headers.get('x-accel-buffering')).toBe('no');
    const text = await s.readUntil('event: ready');
    expect(text).toBe(`retry: 3000\n\nid: ${bus.lastId}\nevent: ready\ndata: {"type":"ready"}\n\n`);
    s.abort();
  });

  it('carries every published event with its id', async () => {
    const s = await open();
    await s.readUntil('event: ready');
    bus.publish(thread(7));
    const event = { ...thread(7), id: bus.lastId };
    expect(await s.readUntil('\n\n')).toBe(`id: ${bus.lastId}\ndata: ${JSON.stringify(event)}\n\n`);
    s.abort();
  });

  it('catches up after Last-Event-ID (or ?lastEventId=), the header winning', async () => {
    const from = bus.lastId;
    bus.publish(thread(1));
    bus.publish(thread(2));
    const a = await open({ lastEventId: String(from) });
    const textA = await a.readUntil('event: ready');
    expect(textA).toContain(`id: ${from + 1}\n`);
    expect(textA).toContain(`id: ${from + 2}\n`);
    expect(textA).not.toContain('event: reset');

    const b = await open({ query: `?lastEventId=${from + 1}` });
    const textB = await b.readUntil('event: ready');
    expect(textB).not.toContain(`id: ${from + 1}\n`);
    expect(textB).toContain(`id: ${from + 2}\n`);

    const c = await open({ lastEventId: String(from + 2), query: `?lastEventId=${from}` });
    const textC = await c.readUntil('event: ready');
    expect(textC).toBe(`retry: 3000\n\nid: ${from + 2}\nevent: ready\ndata: {"type":"ready"}\n\n`);
    for (const s of [a, b, c]) s.abort();
  });

  it('coalesces a burst of events into one write per stream, in order', async () => {
    const s = await open();
    await s.readUntil('event: ready');
    const from = bus.lastId;
    for (let i = 0; i < 500; i++) bus.publish(thread(i));
    await settle();
    expect(streams().total).toBe(1);
    const chunk = await s.read();
    const ids = [...chunk.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(ids.length).toBe(500);
    expect(ids[0]).toBe(from + 1);
    expect(ids.every((id, i) => i === 0 || id === (ids[i - 1] ?? 0) + 1)).toBe(true);
    s.abort();
  });

  it('replays a whole ring of missed events to a reader that has not started reading, without dropping it', async () => {
    const from = bus.lastId;
    for (let i = 0; i < 1000; i++) bus.publish(thread(i));
    const s = await open({ lastEventId: String(from) });
    await settle();
    expect(streams().total).toBe(1);
    const text = await s.readUntil('event: ready');
    expect(text.match(/^data: \{"type":"thread"/gm)?.length).toBe(1000);
    expect(text).toContain(`id: ${from + 1}\n`);
    expect(text).toContain(`id: ${from + 1000}\n`);
    s.abort();
  });

  it('sends event: reset when catch-up is incomplete (an id from another process or older than the buffer)', async () => {
    for (let i = 0; i < 1001; i++) bus.publish(thread(i));
    for (const lastEventId of ['1', String(bus.lastId - 1001), String(bus.lastId + 10)]) {
      const s = await open({ lastEventId });
      const text = await s.readUntil('event: ready');
      expect(text).toBe(`retry: 3000\n\nevent: reset\ndata: {"type":"reset"}\n\nid: ${bus.lastId}\nevent: ready\ndata: {"type":"ready"}\n\n`);
      s.abort();
    }
  });

  it('refuses a malformed Last-Event-ID with 400 and a message', async () => {
    for (const lastEventId of ['abc', '-1', '1e5', '99999999999999999', '1'.repeat(40)]) {
      const s = await open({ lastEventId });
      expect(s.response.status, lastEventId).toBe(400);
      expect(((await s.response.json()) as { error: string }).error).toMatch(/Last-Event-ID/);
    }
    const q = await open({ query: '?lastEventId=%0Aevil' });
    expect(q.response.status).toBe(400);
    expect(((await q.response.json()) as { error: string }).error).toMatch(/lastEventId/);
    expect(streams().total).toBe(0);
  });

  it('caps streams per address (429) and in all (503), and counts closed ones out', async () => {
    process.env.LIVE_MAX_STREAMS_PER_IP = '3';
    const mine = await Promise.all([open(), open(), open()]);
    const refused = await open();
    expect(refused.response.status).toBe(429);
    expect(refused.response.headers.get('retry-after')).toBe('60');
    expect(((await refused.response.json()) as { error: string }).error).toMatch(/Too many/);
    const other = await open({ ip: '10.0.0.2' });
    expect(other.response.status).toBe(200);

    process.env.LIVE_MAX_STREAMS = '4';
    const full = await open({ ip: '10.0.0.3' });
    expect(full.response.status).toBe(503);

    mine[0]?.abort();
    await settle();
    const again = await open();
    expect(again.response.status).toBe(200);
    for (const s of [...mine, other, again]) s.abort();
    await settle();
    expect(streams().total).toBe(0);
  });

  it('ignores a malformed cap setting', async () => {
    process.env.LIVE_MAX_STREAMS_PER_IP = 'lots';
    const s = await open();
    expect(s.response.status).toBe(200);
    s.abort();
  });

  it('leaves no listener, count or timer behind when clients disconnect or cancel', async () => {
    const before = bus.size;
    const streams50 = await Promise.all(Array.from({ length: 50 }, (_, i) => open({ ip: `10.1.0.${i % 5}` })));
    expect(bus.size).toBe(before + 50);
    expect(streams().total).toBe(50);
    expect(streams().timer).not.toBeNull();
    for (const [i, s] of streams50.entries()) {
      if (i % 2) s.abort();
      else await s.response.body?.cancel();
    }
    await settle();
    expect(bus.size).toBe(before);
    expect(streams().total).toBe(0);
    expect(streams().perIp.size).toBe(0);
    expect(streams().streams.size).toBe(0);
    expect(streams().timer).toBeNull();
    // Aborting again, or publishing afterwards, is harmless.
    for (const s of streams50) s.abort();
    bus.publish(thread(1));
  });

  it('sends a heartbeat comment every 15 s on each open stream', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const a = await open();
    const b = await open();
    await a.readUntil('event: ready');
    await b.readUntil('event: ready');
    vi.advanceTimersByTime(15_000);
    expect(await a.read()).toBe(': heartbeat\n\n');
    expect(await b.read()).toBe(': heartbeat\n\n');
    a.abort();
    b.abort();
    expect(streams().timer).toBeNull();
  });

  it('drops a client that stopped reading instead of queueing for it without bound', async () => {
    const s = await open();
    const before = bus.size;
    // One write per tick: a burst within a tick is coalesced, so it takes 257+ ticks of not reading.
    for (let i = 0; i < 300; i++) {
      bus.publish(thread(i));
      await settle();
    }
    expect(bus.size).toBe(before - 1);
    expect(streams().total).toBe(0);
    await expect(s.readUntil('never')).rejects.toThrow(/stopped reading/);
  });

  it('delivers an event to 1 000 open streams fast (publish → read latency, 5 rounds)', async () => {
    process.env.LIVE_MAX_STREAMS_PER_IP = '1000';
    const many = await Promise.all(Array.from({ length: 1000 }, () => open()));
    await Promise.all(many.map((s) => s.readUntil('event: ready')));
    const latencies: number[] = [];
    const publishMs: number[] = [];
    for (let round = 0; round < 5; round++) {
      let started = 0;
      const received = Promise.all(
        many.map(async (s) => {
          await s.readUntil('\n\n');
          latencies.push(performance.now() - started);
        }),
      );
      started = performance.now();
      bus.publish(thread(42));
      publishMs.push(performance.now() - started);
      await received;
    }
    latencies.sort((x, y) => x - y);
    const at = (q: number) => (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN).toFixed(1);
    console.log(
      `[live bench] 1 000 streams × 5 events: publish() returned in ${publishMs.map((m) => m.toFixed(2)).join(', ')} ms; publish → read p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
    );
    expect(latencies.length).toBe(5000);
    expect(Number(at(0.95))).toBeLessThan(1000);
    for (const s of many) s.abort();
    await settle();
    expect(streams().total).toBe(0);
  });
});
