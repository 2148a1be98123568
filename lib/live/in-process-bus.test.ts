import { describe, expect, it, vi } from 'vitest';
import type { DeliveredEvent, LiveEvent } from './events';
import { InProcessBus } from './in-process-bus';

const thread = (threadId: number): LiveEvent => ({
  type: 'thread',
  threadId,
  title: `Thread ${threadId}`,
  href: `/threads/${threadId}`,
  commentCount: threadId,
  lastCommentAt: 1_700_000_000_000 + threadId,
});

const threadIds = (events: DeliveredEvent[]) => events.map((e) => (e.type === 'thread' ? e.threadId : -1));

describe('InProcessBus', () => {
  it('delivers events in publish order with consecutive ids from a per-process start', () => {
    const bus = new InProcessBus({ startId: 5000 });
    const got: DeliveredEvent[] = [];
    bus.subscribe((e) => got.push(e));
    for (let i = 1; i <= 5; i++) bus.publish(thread(i));
    expect(threadIds(got)).toEqual([1, 2, 3, 4, 5]);
    expect(got.map((e) => e.id)).toEqual([5000, 5001, 5002, 5003, 5004]);
    expect(bus.lastId).toBe(5004);
  });

  it('starts ids at about Date.now() * 1000 by default, so a restarted process never reuses them', () => {
    const before = Date.now() * 1000;
    const bus = new InProcessBus();
    bus.publish(thread(1));
    expect(bus.lastId).toBeGreaterThanOrEqual(before);
    expect(bus.lastId).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  it('keeps one order for every listener when a listener publishes', () => {
    const bus = new InProcessBus({ startId: 1 });
    const a: number[] = [];
    const b: number[] = [];
    bus.subscribe((e) => {
      a.push(e.id);
      if (e.id === 1) bus.publish(thread(2));
    });
    bus.subscribe((e) => b.push(e.id));
    bus.publish(thread(1));
    expect(a).toEqual([1, 2]);
    expect(b).toEqual([1, 2]);
  });

  it('catches up after an id, then delivers live events, with no duplicates', () => {
    const bus = new InProcessBus({ startId: 100 });
    for (let i = 1; i <= 5; i++) bus.publish(thread(i)); // ids 100..104
    const got: DeliveredEvent[] = [];
    const onGap = vi.fn();
    bus.subscribe((e) => got.push(e), 102, { onGap });
    expect(got.map((e) => e.id)).toEqual([103, 104]);
    bus.publish(thread(6));
    expect(got.map((e) => e.id)).toEqual([103, 104, 105]);
    expect(onGap).not.toHaveBeenCalled();
  });

  it('catches up from the id sent before the first event (lastId), and from the latest id with nothing to replay', () => {
    const bus = new InProcessBus({ startId: 100 });
    const initial = bus.lastId; // what a stream opened now would send as its id
    bus.publish(thread(1));
    const got: number[] = [];
    const onGap = vi.fn();
    bus.subscribe((e) => got.push(e.id), initial, { onGap });
    bus.subscribe((e) => got.push(e.id), bus.lastId, { onGap });
    expect(got).toEqual([100]);
    expect(onGap).not.toHaveBeenCalled();
  });

  it('reports a gap and replays nothing when the id is older than the buffer', () => {
    const bus = new InProcessBus({ startId: 1, capacity: 10 });
    for (let i = 1; i <= 25; i++) bus.publish(thread(i)); // ids 1..25; 16..25 held
    const got: number[] = [];
    const onGap = vi.fn();
    bus.subscribe((e) => got.push(e.id), 14, { onGap });
    expect(onGap).toHaveBeenCalledWith(25);
    expect(got).toEqual([]);

    // The oldest held event is 16: resuming after 15 is complete.
    const onGap2 = vi.fn();
    bus.subscribe((e) => got.push(e.id), 15, { onGap: onGap2 });
    expect(onGap2).not.toHaveBeenCalled();
    expect(got).toEqual([16, 17, 18, 19, 20, 21, 22, 23, 24, 25]);
  });

  it('reports a gap for an id from another process (before this start, or past the latest)', () => {
    const bus = new InProcessBus({ startId: 1_000_000 });
    bus.publish(thread(1));
    for (const afterId of [999_000, 5, 1_000_001, 2_000_000, Number.NaN, 1.5]) {
      const onGap = vi.fn();
      const got: number[] = [];
      bus.subscribe((e) => got.push(e.id), afterId, { onGap });
      expect(onGap, String(afterId)).toHaveBeenCalledOnce();
      expect(got).toEqual([]);
    }
  });

  it('stops delivering after unsubscribe, also from inside a delivery', () => {
    const bus = new InProcessBus({ startId: 1 });
    const got: number[] = [];
    const unsubscribe = bus.subscribe((e) => got.push(e.id));
    let unsubscribeOther = () => {};
    bus.subscribe(() => unsubscribeOther());
    const other: number[] = [];
    unsubscribeOther = bus.subscribe((e) => other.push(e.id));
    bus.publish(thread(1));
    unsubscribe();
    unsubscribe(); // twice is harmless
    bus.publish(thread(2));
    expect(got).toEqual([1]);
    expect(other).toEqual([]); // removed by the listener before it during the first delivery
    expect(bus.size).toBe(1);
  });

  it('does not deliver an event twice to a listener that subscribes while it is being delivered', () => {
    const bus = new InProcessBus({ startId: 1 });
    const late: number[] = [];
    bus.subscribe((e) => {
      if (e.id === 1) bus.subscribe((x) => late.push(x.id), 0);
    });
    bus.publish(thread(1));
    bus.publish(thread(2));
    expect(late).toEqual([1, 2]);
  });

  it('a throwing listener does not stop the others, nor reach the publisher', () => {
    const errors: unknown[] = [];
    const bus = new InProcessBus({ startId: 1, onListenerError: (e) => errors.push(e) });
    const got: number[] = [];
    bus.subscribe(() => {
      throw new Error('boom');
    });
    bus.subscribe((e) => got.push(e.id));
    bus.subscribe(
      () => {
        throw new Error('boom in catch-up');
      },
      0,
      { onGap: () => {} },
    );
    expect(() => bus.publish(thread(1))).not.toThrow();
    expect(() => bus.publish(thread(2))).not.toThrow();
    expect(got).toEqual([1, 2]);
    expect(errors.length).toBe(4);
  });

  it('even a throwing error reporter does not reach the publisher', () => {
    const bus = new InProcessBus({
      onListenerError: () => {
        throw new Error('reporter');
      },
    });
    bus.subscribe(() => {
      throw new Error('listener');
    });
    expect(() => bus.publish(thread(1))).not.toThrow();
  });

  it('publishes 10 000 events to 1 000 subscribers quickly', () => {
    const bus = new InProcessBus({ startId: 1 });
    const counts = new Array<number>(1000).fill(0);
    for (let i = 0; i < 1000; i++) bus.subscribe(() => void (counts[i] = (counts[i] ?? 0) + 1));
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) bus.publish(thread(i));
    const ms = performance.now() - started;
    console.log(`[live bench] 10 000 events × 1 000 subscribers (10 M deliveries): ${ms.toFixed(0)} ms`);
    expect(counts.every((c) => c === 10_000)).toBe(true);
    expect(ms).toBeLessThan(5000); // ~0.3 s on the 2-core box when idle: this only catches a pathological slowdown
  });

  it('keeps only `capacity` events: catch-up from the oldest held one replays exactly that many', () => {
    const bus = new InProcessBus({ startId: 1 });
    for (let i = 0; i < 5000; i++) bus.publish(thread(i));
    const got: number[] = [];
    bus.subscribe((e) => got.push(e.id), bus.lastId - 1000);
    expect(got.length).toBe(1000);
    expect(got[0]).toBe(bus.lastId - 999);
  });
});
