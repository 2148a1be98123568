import 'server-only';
import type { LiveEvent } from './events';
import { InProcessBus, type CatchUpBus } from './in-process-bus';

export type { CatchUpBus, LiveListener, SubscribeOptions } from './in-process-bus';
export type { LiveBus } from './bus';
export type { DeliveredEvent, LiveEvent } from './events';

// Route handlers and server actions are bundled separately, so a module-level variable could exist
// once per bundle: the bus lives on globalThis to be one per process.
const KEY = Symbol.for('courier.liveBus');
type Holder = { [KEY]?: CatchUpBus };

/** The process's bus (a `LiveBus` that also reports incomplete catch-up to the stream route). */
export function liveBus(): CatchUpBus {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= new InProcessBus());
}

/** Publishes after the write's transaction has committed. Never throws. */
export function publish(event: LiveEvent): void {
  try {
    liveBus().publish(event);
  } catch (error) {
    console.error('[live] publish failed', error);
  }
}
