/**
 * Who comments and how threads branch: the synthetic readers, and the reply structure of one
 * thread's comments. Pure (no database), so the shapes can be tested and tuned on their own.
 */
import { DAY, SPAN } from './activity';
import { deriveSeed, mulberry32, pick, shuffleInPlace, WeightedSampler, zipfWeights, type Rng } from './random';
import { foreignFirst, foreignLast, handleWords, slavicFirst, slavicLast } from './vocabulary';

const STREAM_READERS = 7;

/** One reader per this many comments, and never fewer than MIN_READERS (none for no comments). */
export const COMMENTS_PER_READER = 200;
export const MIN_READERS = 50;

export function readerCount(comments: number): number {
  return comments > 0 ? Math.max(MIN_READERS, Math.ceil(comments / COMMENTS_PER_READER)) : 0;
}

/** Share of comments that answer an earlier comment rather than the article. */
export const REPLY_SHARE = 0.4;
/** Replies nest no deeper than this; an answer to a comment at the limit goes to its parent. */
export const MAX_DEPTH = 8;

export interface ReaderPool {
  names: string[];
  /** When each reader would have joined had they never commented; see the generator's fix-up. */
  joinedAt: Float64Array;
  /** Picks a reader (an index into names) by activity: a few write a large share of everything. */
  sampler: WeightedSampler;
}

function latin(s: string): boolean {
  return s.charCodeAt(0) < 0x400;
}

/** A display name as forum regulars sign: a full name, a clipped one, a surname with digits, a handle. */
function readerName(rng: Rng): string {
  const cyr = rng() < 0.5 ? 1 : 0;
  const slavic = rng() < 0.75;
  const first = pick(rng, slavic ? slavicFirst : foreignFirst)[cyr] as string;
  const last = pick(rng, slavic ? slavicLast : foreignLast)[cyr] as string;
  const digits = () => String(Math.floor(rng() * 100)).padStart(2, '0');
  const r = rng();
  if (r < 0.3) return `${first} ${last}`;
  if (r < 0.45) return latin(first) ? `${first}_${last.charAt(0)}` : `${first} ${last.charAt(0)}.`;
  if (r < 0.6) return latin(last) ? `${last.toLowerCase()}${digits()}` : `${last}${digits()}`;
  const word = pick(rng, handleWords)[cyr] as string;
  const tail = rng();
  return tail < 0.4 ? word : tail < 0.8 ? `${word}${digits()}` : `${word}_${1950 + Math.floor(rng() * 56)}`;
}

/**
 * `count` readers with distinct names. Activity is Zipf-like over a seeded ranking: with 5 000
 * readers for a million comments the busiest writes about 3% of them, the median reader a few dozen.
 */
export function readerPool(seed: number, count: number, now: number): ReaderPool {
  const rng = mulberry32(deriveSeed(seed, STREAM_READERS));
  const names: string[] = [];
  const taken = new Set<string>();
  const joinedAt = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let name = readerName(rng);
    for (let k = 2; taken.has(name); k++) name = `${readerName(rng)}${k}`;
    taken.add(name);
    names.push(name);
    // Some were registered before the corpus begins, the rest join over its span.
    joinedAt[i] = Math.floor(now - SPAN - 365 * DAY + (SPAN + 364 * DAY) * rng());
  }
  const order = shuffleInPlace(rng, names.map((_, i) => i));
  const byRank = zipfWeights(count, 1.0, 3);
  const weights = new Float64Array(count);
  order.forEach((reader, rank) => (weights[reader] = byRank[rank] as number));
  // An empty pool is never drawn from (there are no comments), but a sampler needs some weight.
  return { names, joinedAt, sampler: new WeightedSampler(count > 0 ? weights : [1]) };
}

/**
 * The reply structure of one thread, comments indexed 0..count-1 in posting order. Buffers are
 * reused between threads (a million comments would otherwise allocate a million small arrays);
 * read them before planning the next thread.
 */
export class ThreadPlanner {
  parent = new Int32Array(0);
  root = new Int32Array(0);
  depth = new Int32Array(0);

  /**
   * About REPLY_SHARE of the comments after the first answer an earlier one: usually one of the
   * last few (a conversation running on), otherwise anything in the thread. Chains of those make
   * busy threads nest to MAX_DEPTH while a short thread stays flat.
   */
  plan(rng: Rng, count: number): void {
    if (this.parent.length < count) {
      const size = Math.max(count, this.parent.length * 2, 64);
      this.parent = new Int32Array(size);
      this.root = new Int32Array(size);
      this.depth = new Int32Array(size);
    }
    const { parent, root, depth } = this;
    for (let k = 0; k < count; k++) {
      if (k === 0 || rng() >= REPLY_SHARE) {
        parent[k] = -1;
        root[k] = k;
        depth[k] = 0;
        continue;
      }
      let p: number;
      if (rng() < 0.6) {
        // One of the last few, the newest most often.
        const back = Math.floor(rng() * rng() * Math.min(k, 8));
        p = k - 1 - back;
      } else p = Math.floor(rng() * k);
      while ((depth[p] as number) >= MAX_DEPTH) p = parent[p] as number;
      parent[k] = p;
      root[k] = root[p] as number;
      depth[k] = (depth[p] as number) + 1;
    }
  }
}
