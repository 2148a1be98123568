/**
 * When things happened and where the discussion went: publication times, and how M comments spread
 * over the threads. Pure (no database), so the shape can be tested and tuned on its own.
 */
import { deriveSeed, mulberry32, type Rng } from './random';

export const DAY = 86_400_000;
/** The corpus covers roughly the last three years. */
export const SPAN = Math.round(3 * 365.25 * DAY);

const STREAM_TIME = 2;
const STREAM_COMMENTS = 3;

/**
 * Publication times, strictly increasing with the index: one random instant inside each of N equal
 * slots, so the newest id is the newest article and no two collide (for N up to the span in ms).
 */
export function publicationTimes(seed: number, count: number, now: number): Float64Array {
  const rng = mulberry32(deriveSeed(seed, STREAM_TIME));
  const start = now - SPAN;
  const slot = SPAN / count;
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) times[i] = Math.floor(start + slot * (i + rng() * 0.999));
  return times;
}

/** Forum threads (no article) start at any time in the span; their order carries no meaning. */
export function forumThreadTimes(rng: Rng, count: number, now: number): Float64Array {
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) times[i] = Math.floor(now - SPAN * rng());
  return times;
}

export interface ThreadActivity {
  /** Comments per thread; sums to the requested total. */
  commentCount: Int32Array;
  /** Time of the newest comment, NaN for a thread nobody has commented on. */
  lastCommentAt: Float64Array;
}

/** Share of threads nobody ever comments on, whatever the total: most discussions stay empty. */
const QUIET_SHARE = 0.45;
/**
 * Pareto tail index of a thread's pull. At 1.2 the top 1% of 110 000 threads hold about half of a
 * million comments; below 1 the mean is infinite and one or two threads swallow everything.
 */
const TAIL_ALPHA = 1.2;

/**
 * Spreads `total` comments over threads: each thread draws a heavy-tailed "pull", boosted while the
 * thread is young, and gets its proportional share (rounded down, the remainder drawn by the same
 * weights). O(threads) whatever the total, so a million comments cost no more than ten.
 */
export function distributeComments(seed: number, createdAt: Float64Array, total: number, now: number): ThreadActivity {
  const n = createdAt.length;
  const rng = mulberry32(deriveSeed(seed, STREAM_COMMENTS));
  const weights = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const u = rng();
    const pull = rng();
    if (u < QUIET_SHARE) continue;
    const age = now - (createdAt[i] as number);
    // Readers pile into fresh news; an old thread only stays busy if its pull is large.
    const recency = 1 + 3 * Math.exp(-age / (60 * DAY));
    const w = Math.pow(1 - pull, -1 / TAIL_ALPHA) * recency;
    weights[i] = w;
    sum += w;
  }
  if (sum === 0 && n > 0) {
    // Tiny corpora can come out all quiet; comments still need somewhere to go.
    weights.fill(1);
    sum = n;
  }

  const commentCount = new Int32Array(n);
  let assigned = 0;
  if (total > 0) {
    for (let i = 0; i < n; i++) {
      const c = Math.floor((total * (weights[i] as number)) / sum);
      commentCount[i] = c;
      assigned += c;
    }
    // The rounding remainder (fewer than n) goes out by the same weights.
    const cdf = new Float64Array(n);
    let acc = 0;
    for (let i = 0; i < n; i++) cdf[i] = acc += weights[i] as number;
    for (let r = total - assigned; r > 0; r--) {
      const x = rng() * acc;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cdf[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      commentCount[lo] = (commentCount[lo] as number) + 1;
    }
  }

  const lastCommentAt = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const c = commentCount[i] as number;
    if (c === 0) continue;
    const created = createdAt[i] as number;
    lastCommentAt[i] = created + Math.floor(activeWindow(rng, created, c, now) * Math.pow(rng(), 1 / c));
  }
  return { commentCount, lastCommentAt };
}

/**
 * How long after its start a thread keeps receiving comments: a day or two for a quiet one, months
 * for a hot one, never past `now`. A thread's comments fall inside [createdAt, createdAt + window];
 * the newest of c uniform times is window · u^(1/c) after the start.
 */
function activeWindow(rng: Rng, createdAt: number, comments: number, now: number): number {
  return Math.min(now - createdAt, DAY * (0.5 + Math.pow(comments, 0.7)) * (0.5 + rng()));
}

/**
 * The times of a thread's comments, oldest first, consistent with its counters: `count` of them in
 * [createdAt, lastCommentAt], the newest exactly at lastCommentAt.
 */
export function commentTimes(rng: Rng, createdAt: number, lastCommentAt: number, count: number): number[] {
  if (count <= 0) return [];
  const times: number[] = [];
  for (let i = 1; i < count; i++) times.push(createdAt + Math.floor((lastCommentAt - createdAt) * rng()));
  times.sort((a, b) => a - b);
  times.push(lastCommentAt);
  return times;
}
