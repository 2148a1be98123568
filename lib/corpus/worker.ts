/**
 * Plans corpus batches on a worker thread, a few ahead of the writer: text generation and SQLite
 * inserts each take about half of a load, and this way they use both cores. The generator stays
 * synchronous (better-sqlite3 is), so the hand-over is synchronous too: the worker posts a batch
 * and bumps a shared counter; the writer sleeps on that counter (Atomics.wait) and takes the batch
 * with receiveMessageOnPort. The worker sleeps the same way when it is AHEAD batches in front.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { CorpusPlan, type PlannedBatch, type PlanOptions } from './plan';

const PRODUCED = 0;
const CONSUMED = 1;
/** Batches the worker may run ahead: enough that the writer never waits, few enough to bound memory. */
const AHEAD = 3;
/** A worker that has sent nothing for this long is taken for dead (it cannot be asked while we block). */
const STALL_SECONDS = 300;

interface WorkerInput {
  /** tsx's CommonJS API, which the bootstrap registers before loading `entry`. */
  loader: string;
  /** This module's path. */
  entry: string;
  options: PlanOptions;
  ranges: [number, number][];
  port: MessagePort;
  state: SharedArrayBuffer;
}

type Message = { batch: PlannedBatch } | { error: string };

/** Worker side: plans every range in order and posts it, never more than AHEAD ahead of the writer. */
export function run(input: WorkerInput): void {
  const state = new Int32Array(input.state);
  const plan = new CorpusPlan(input.options);
  input.ranges.forEach(([from, to], k) => {
    for (let taken = Atomics.load(state, CONSUMED); k - taken >= AHEAD; taken = Atomics.load(state, CONSUMED)) {
      Atomics.wait(state, CONSUMED, taken);
    }
    const batch = plan.batch(from, to);
    const c = batch.comments;
    const transfer = [c.createdAt, c.parent, c.root, c.depth, c.author, c.upvotes, c.downvotes, c.editedAt].map((a) => a.buffer as ArrayBuffer);
    input.port.postMessage({ batch } satisfies Message, transfer);
    Atomics.add(state, PRODUCED, 1);
    Atomics.notify(state, PRODUCED);
  });
}

// The worker's entry is plain JavaScript. On Node 20 a loader given with --import (as tsx gives
// its own) does not reach worker threads, so the worker registers tsx's require hook itself and
// loads this module through it. A failure to load is reported like a failure while planning.
const bootstrap = `
const { workerData } = require('node:worker_threads');
try {
  require(workerData.loader).register();
  require(workerData.entry).run(workerData);
} catch (err) {
  workerData.port.postMessage({ error: String((err && err.stack) || err) });
  const state = new Int32Array(workerData.state);
  Atomics.add(state, ${PRODUCED}, 1);
  Atomics.notify(state, ${PRODUCED});
}
`;

export interface BatchSource {
  /** The k-th range's batch; ranges are taken in order. */
  next(k: number): PlannedBatch;
  close(): void;
}

export function plannerThread(options: PlanOptions, ranges: [number, number][]): BatchSource {
  const { port1, port2 } = new MessageChannel();
  const shared = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  const state = new Int32Array(shared);
  const input: WorkerInput = {
    loader: createRequire(import.meta.url).resolve('tsx/cjs/api'),
    entry: fileURLToPath(import.meta.url),
    options,
    ranges,
    port: port2,
    state: shared,
  };
  const worker = new Worker(bootstrap, { eval: true, workerData: input, transferList: [port2] });
  worker.unref();
  let taken = 0;
  return {
    next() {
      let waited = 0;
      for (;;) {
        const got = receiveMessageOnPort(port1) as { message: Message } | undefined;
        if (got) {
          const m = got.message;
          if ('error' in m) throw new Error(`corpus planner thread failed: ${m.error}`);
          Atomics.store(state, CONSUMED, ++taken);
          Atomics.notify(state, CONSUMED);
          return m.batch;
        }
        // Posted before counted: a count ahead of what we took means the message is on its way.
        const produced = Atomics.load(state, PRODUCED);
        if (produced > taken) continue;
        if (Atomics.wait(state, PRODUCED, produced, 1000) === 'timed-out' && ++waited >= STALL_SECONDS) {
          throw new Error(`corpus planner thread sent nothing for ${STALL_SECONDS} s`);
        }
      }
    },
    close() {
      port1.close();
      void worker.terminate();
    },
  };
}
