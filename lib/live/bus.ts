import type { DeliveredEvent, LiveEvent } from './events';

/**
 * The one interface the write path and the stream route know. In-process today; a multi-instance
 * deployment swaps in a shared bus (Redis pub/sub, Postgres LISTEN…) behind the same two methods.
 */
export interface LiveBus {
  /** Called after the write's transaction has committed. Never throws into the caller. */
  publish(event: LiveEvent): void;
  /** Delivers every event after `afterId` still held (catch-up), then each new one. Returns unsubscribe. */
  subscribe(listener: (event: DeliveredEvent) => void, afterId?: number): () => void;
}
