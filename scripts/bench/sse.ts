/**
 * Many open live streams (GET /api/live, Server-Sent Events), each its own TCP connection as each
 * browser tab's EventSource is. Events are parsed only as far as a measurement needs: every `data:`
 * line is handed to `onEvent` with the time it arrived.
 */
import http from 'node:http';

export interface StreamEvent {
  type?: string;
  threadId?: number;
  commentCount?: number;
  lastCommentAt?: number | null;
}

export interface Streams {
  /** Streams that answered 200 and sent `event: ready`. */
  readonly ready: number;
  /** Streams open now (ready and not closed). */
  readonly open: number;
  /** Streams that were open and then closed by the server or the network. */
  readonly dropped: number;
  /** Status codes of refused stream requests (non-200), and connection errors as "error". */
  readonly refused: Map<string, number>;
  /** Events received (data lines), over all streams. */
  readonly events: number;
  close(): void;
}

interface Options {
  /** Called for each data line: the stream's index, the parsed event, Date.now() at arrival. */
  onEvent?: (stream: number, event: StreamEvent, at: number) => void;
  /** Streams being opened at once (a burst of thousands of connects would be its own test). */
  parallel?: number;
  timeoutMs?: number;
}

export async function openStreams(origin: string, count: number, options: Options = {}): Promise<Streams> {
  const { onEvent, parallel = 50, timeoutMs = 120_000 } = options;
  const requests = new Set<http.ClientRequest>();
  const refused = new Map<string, number>();
  let ready = 0;
  let open = 0;
  let dropped = 0;
  let events = 0;
  let closing = false;
  const refuse = (why: string) => refused.set(why, (refused.get(why) ?? 0) + 1);

  const openOne = (index: number) =>
    new Promise<void>((resolve) => {
      let settled = false;
      const settle = () => {
        if (!settled) {
          settled = true;
          resolve();
        }
      };
      const req = http.get(`${origin}/api/live`, { agent: false, headers: { accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) {
          refuse(String(res.statusCode));
          res.resume();
          settle();
          return;
        }
        let buffer = '';
        let isReady = false;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          const at = Date.now();
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!isReady && block.includes('event: ready')) {
              isReady = true;
              ready++;
              open++;
              settle();
              continue;
            }
            for (const line of block.split('\n')) {
              if (!line.startsWith('data: ')) continue;
              events++;
              if (onEvent) onEvent(index, JSON.parse(line.slice(6)) as StreamEvent, at);
            }
          }
        });
        res.on('close', () => {
          if (isReady) {
            open--;
            if (!closing) dropped++;
          }
          settle();
        });
      });
      requests.add(req);
      req.on('error', () => {
        if (!closing) refuse('error');
        settle();
      });
      req.setTimeout(timeoutMs, () => {
        // Only until ready: an idle open stream (heartbeats every 15 s) is what is wanted.
        if (!settled) req.destroy(new Error('timeout'));
      });
    });

  let next = 0;
  const worker = async () => {
    while (next < count) await openOne(next++);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  for (const req of requests) req.setTimeout(0);

  return {
    get ready() {
      return ready;
    },
    get open() {
      return open;
    },
    get dropped() {
      return dropped;
    },
    refused,
    get events() {
      return events;
    },
    close() {
      closing = true;
      for (const req of requests) req.destroy();
      requests.clear();
    },
  };
}
