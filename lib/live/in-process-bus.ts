import type { LiveBus } from './bus';
import type { DeliveredEvent, LiveEvent } from './events';

export type LiveListener = (event: DeliveredEvent) => void;

export type SubscribeOptions = {
  /**
   * Called (synchronously, before anything is delivered) when `afterId` cannot be caught up from:
   * it is older than the buffer, or it belongs to another process (before this one's first id, or
   * past its latest). Nothing is replayed then; the subscriber should tell its client to refetch.
   * Receives the latest id, so the client can resume from there.
   */
  onGap?: (lastId: number) => void;
};

/** A `LiveBus` that can also say where it stands and report an incomplete catch-up. */
export interface CatchUpBus extends LiveBus {
  /** Id of the latest published event (one less than the first id before anything is published). */
  readonly lastId: number;
  /** Number of live subscriptions (for tests and metrics). */
  readonly size: number;
  subscribe(listener: LiveListener, afterId?: number, options?: SubscribeOptions): () => void;
}

type Subscription = { listener: LiveListener; /** The last id this listener has been given. */ seen: number };

type Options = {
  /** Events held for catch-up (the ring buffer's size). */
  capacity?: number;
  /** The first event's id. Default: `Date.now() * 1000`, so ids never repeat across restarts. */
  startId?: number;
  /** Where a throwing listener is reported. Default: console.error, at most once a second. */
  onListenerError?: (error: unknown) => void;
};

/**
 * The in-process bus: one Set of listeners and a ring buffer of the last `capacity` events.
 *
 * Ids are consecutive integers starting at a per-process value (milliseconds since the epoch × 1000),
 * so an id from a previous process is below this one's range and is treated as a gap rather than
 * mistaken for a position in this buffer. Because ids are consecutive, the ring is indexed
 * directly: catch-up costs O(events replayed).
 */
export class InProcessBus implements CatchUpBus {
  readonly #capacity: number;
  readonly #ring: (DeliveredEvent | undefined)[];
  readonly #startId: number;
  #lastId: number;
  readonly #subscriptions = new Set<Subscription>();
  readonly #onListenerError: (error: unknown) => void;
  /** Events published from inside a listener wait here, so that every listener sees one order. */
  readonly #pending: DeliveredEvent[] = [];
  #delivering = false;

  constructor(options: Options = {}) {
    this.#capacity = Math.max(1, Math.floor(options.capacity ?? 1000));
    this.#ring = new Array<DeliveredEvent | undefined>(this.#capacity);
    this.#startId = Math.floor(options.startId ?? Date.now() * 1000);
    this.#lastId = this.#startId - 1;
    this.#onListenerError = options.onListenerError ?? throttledConsoleError();
  }

  get lastId(): number {
    return this.#lastId;
  }

  get size(): number {
    return this.#subscriptions.size;
  }

  publish(event: LiveEvent): void {
    try {
      const delivered = Object.freeze({ ...event, id: ++this.#lastId }) as DeliveredEvent;
      this.#ring[delivered.id % this.#capacity] = delivered;
      this.#pending.push(delivered);
      if (this.#delivering) return; // a listener published: the outer loop delivers it next
      this.#delivering = true;
      try {
        for (let next = this.#pending.shift(); next; next = this.#pending.shift()) this.#deliver(next);
      } finally {
        this.#delivering = false;
      }
    } catch (error) {
      // The write path calls this after its commit: whatever happens here must not reach it.
      this.#report(error);
    }
  }

  subscribe(listener: LiveListener, afterId?: number, options: SubscribeOptions = {}): () => void {
    const subscription: Subscription = { listener, seen: this.#lastId };
    if (afterId !== undefined) {
      const oldest = Math.max(this.#startId, this.#lastId - this.#capacity + 1);
      // Catch-up is complete when every event after `afterId` is still held: afterId ≥ oldest − 1.
      const gap = !Number.isSafeInteger(afterId) || afterId < oldest - 1 || afterId > this.#lastId;
      if (gap) {
        this.#call(() => options.onGap?.(this.#lastId));
      } else {
        for (let id = afterId + 1; id <= this.#lastId; id++) {
          const event = this.#ring[id % this.#capacity];
          if (event) this.#call(() => listener(event));
        }
      }
    }
    this.#subscriptions.add(subscription);
    return () => {
      this.#subscriptions.delete(subscription);
    };
  }

  #deliver(event: DeliveredEvent): void {
    // A Set may be changed while iterated: removed entries are skipped, added ones are visited,
    // and `seen` keeps a listener that subscribed during this loop from getting the event twice.
    for (const subscription of this.#subscriptions) {
      if (event.id <= subscription.seen) continue;
      subscription.seen = event.id;
      try {
        subscription.listener(event);
      } catch (error) {
        this.#report(error);
      }
    }
  }

  #call(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.#report(error);
    }
  }

  #report(error: unknown): void {
    try {
      this.#onListenerError(error);
    } catch {
      // nothing sensible left to do
    }
  }
}

function throttledConsoleError(): (error: unknown) => void {
  let last = 0;
  let dropped = 0;
  return (error) => {
    const now = Date.now();
    if (now - last < 1000) {
      dropped++;
      return;
    }
    last = now;
    console.error(`[live] a listener failed${dropped ? ` (and ${dropped} more since the last report)` : ''}`, error);
    dropped = 0;
  };
}
