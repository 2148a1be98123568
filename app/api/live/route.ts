import { type NextRequest } from 'next/server';
import { z } from 'zod';
import { clientIp } from '@/lib/client-ip';
import { problem } from '@/lib/http';
import { liveBus, type DeliveredEvent } from '@/lib/live';
import { route } from '@/lib/route';

// GET /api/live: the Server-Sent Events stream, one per browser tab, carrying every live event
// (clients pick what they need). See docs/decisions/0003-live-updates.md.
export const dynamic = 'force-dynamic';

const HEARTBEAT_MS = 15_000;
const RETRY_MS = 3000;
/** A client this many writes behind (it stopped reading) is dropped; it reconnects and catches up. */
const MAX_QUEUED_CHUNKS = 256;

const encoder = new TextEncoder();
const RETRY = encoder.encode(`retry: ${RETRY_MS}\n\n`);
const RESET = encoder.encode('event: reset\ndata: {"type":"reset"}\n\n');
const HEARTBEAT = encoder.encode(': heartbeat\n\n');

/** An event id as we send them: a positive safe integer. */
const eventId = z
  .string()
  .trim()
  .regex(/^\d{1,16}$/, 'must be an event id (digits)')
  .transform(Number)
  .refine(Number.isSafeInteger, 'is too large');

const limit = (fallback: number) => (value: string | undefined) => {
  const parsed = z.coerce.number().int().positive().safeParse(value);
  return parsed.success ? parsed.data : fallback;
};
const perIpLimit = limit(20);
const globalLimit = limit(5000);

/**
 * What every stream shares: open-stream counts (for the caps), one heartbeat timer for all of them,
 * and the outbox of live writes. On globalThis so that it is one per process whatever the bundling.
 */
type Stream = { heartbeat: () => void };
type Send = (bytes: Uint8Array) => void;
type State = {
  total: number;
  perIp: Map<string, number>;
  streams: Set<Stream>;
  timer: ReturnType<typeof setInterval> | null;
  /** Live writes wait here for one setImmediate, so publish() returns at once to the write path. */
  outbox: { send: Send; bytes: Uint8Array }[];
};
const KEY = Symbol.for('courier.liveStreams');
const state: State = ((globalThis as { [KEY]?: State })[KEY] ??= { total: 0, perIp: new Map(), streams: new Set(), timer: null, outbox: [] });

// Writing to a stream reaches the socket synchronously (Next pipes it straight to the response), so a
// fan-out to thousands of streams inside publish() would hold up the request that published.
function sendSoon(send: Send, bytes: Uint8Array) {
  if (state.outbox.push({ send, bytes }) === 1) setImmediate(flushOutbox);
}
function flushOutbox() {
  const batch = state.outbox;
  state.outbox = [];
  if (batch.length === 0) return;
  // A burst (say, a moderator removing many comments) becomes one chunk per stream, so it neither
  // costs a write per event nor looks like a reader that stopped reading.
  const perStream = new Map<Send, Uint8Array[]>();
  for (const { send, bytes } of batch) {
    const list = perStream.get(send);
    if (list) list.push(bytes);
    else perStream.set(send, [bytes]);
  }
  for (const [send, chunks] of perStream) send(concat(chunks));
}

// Each event is serialised once, however many streams carry it.
const encoded = new WeakMap<DeliveredEvent, Uint8Array>();
function encode(event: DeliveredEvent): Uint8Array {
  let bytes = encoded.get(event);
  if (!bytes) {
    bytes = encoder.encode(`id: ${event.id}\ndata: ${JSON.stringify(event)}\n\n`);
    encoded.set(event, bytes);
  }
  return bytes;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function ready(lastId: number): Uint8Array {
  return encoder.encode(`id: ${lastId}\nevent: ready\ndata: {"type":"ready"}\n\n`);
}

function afterIdOf(request: NextRequest): { ok: true; afterId: number | undefined } | { ok: false; message: string } {
  const header = request.headers.get('last-event-id');
  const query = request.nextUrl.searchParams.get('lastEventId');
  const [raw, name] = header ? [header, 'The Last-Event-ID header'] : query ? [query, 'The lastEventId parameter'] : [null, ''];
  if (raw === null) return { ok: true, afterId: undefined };
  const parsed = eventId.safeParse(raw);
  if (!parsed.success) return { ok: false, message: `${name} ${parsed.error.issues[0]?.message ?? 'is not valid'}.` };
  return { ok: true, afterId: parsed.data };
}

export const GET = route({ access: 'public' }, (request) => {
  const after = afterIdOf(request);
  if (!after.ok) return problem(400, after.message);

  if (state.total >= globalLimit(process.env.LIVE_MAX_STREAMS)) {
    return problem(503, 'Live updates are busy right now. The page still works; reload it later for news.', { 'Retry-After': '60' });
  }
  const ip = clientIp(request.headers);
  const fromIp = state.perIp.get(ip) ?? 0;
  if (fromIp >= perIpLimit(process.env.LIVE_MAX_STREAMS_PER_IP)) {
    return problem(429, 'Too many live-update connections from your address. Close some tabs and reload.', { 'Retry-After': '60' });
  }

  state.total++;
  state.perIp.set(ip, fromIp + 1);

  const bus = liveBus();
  let closed = false;
  let unsubscribe: (() => void) | null = null;
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;

  const stream: Stream = { heartbeat: () => send(HEARTBEAT) };

  function cleanUp() {
    if (closed) return;
    closed = true;
    unsubscribe?.();
    unsubscribe = null;
    request.signal.removeEventListener('abort', onAbort);
    state.streams.delete(stream);
    if (state.streams.size === 0 && state.timer) {
      clearInterval(state.timer);
      state.timer = null;
    }
    state.total--;
    const left = (state.perIp.get(ip) ?? 1) - 1;
    if (left > 0) state.perIp.set(ip, left);
    else state.perIp.delete(ip);
  }

  function send(bytes: Uint8Array) {
    if (closed || !controller) return;
    // A reader that stopped reading would make the queue grow without bound: drop it instead
    // (erroring discards the queue and closes the connection; an AbortError is not logged by Next).
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED_CHUNKS) {
      const c = controller;
      cleanUp();
      try {
        c.error(new DOMException('The client stopped reading the live stream.', 'AbortError'));
      } catch {
        // already closed
      }
      return;
    }
    try {
      controller.enqueue(bytes);
    } catch {
      cleanUp();
    }
  }

  function onAbort() {
    const c = controller;
    cleanUp();
    try {
      c?.close();
    } catch {
      // already closed or cancelled
    }
  }

  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      if (request.signal.aborted) return onAbort();
      request.signal.addEventListener('abort', onAbort, { once: true });
      // The opening is one chunk: retry, reset or the catch-up (up to the whole ring), then `ready`.
      // Live events go through the outbox, after it and in order.
      const opening: Uint8Array[] = [RETRY];
      let live = false;
      unsubscribe = bus.subscribe((event) => (live ? sendSoon(send, encode(event)) : opening.push(encode(event))), after.afterId, {
        onGap: () => opening.push(RESET),
      });
      live = true;
      opening.push(ready(bus.lastId));
      send(concat(opening));
      state.streams.add(stream);
      state.timer ??= setInterval(heartbeatAll, HEARTBEAT_MS);
      state.timer.unref?.();
    },
    cancel() {
      cleanUp();
    },
  });

  return new Response(body, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform also keeps the compression middleware (scripts/serve.mjs) from buffering it.
      'Cache-Control': 'no-store, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
});

function heartbeatAll() {
  for (const stream of state.streams) stream.heartbeat();
}
