/**
 * Small seeded randomness for the synthetic corpus. Everything here is deterministic for a seed:
 * the corpus must be reproducible, so nothing may reach for Math.random.
 */

/** A generator of floats in [0, 1). */
export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for text and counters (not for anything secret). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed for one independent stream (e.g. "article 4711 of seed 1"). Each article gets its own
 * stream so its text does not shift when some other part of the generator draws more or fewer
 * numbers, and so articles could be generated out of order or in parallel.
 */
export function deriveSeed(seed: number, stream: number, index = 0): number {
  // murmur3's finaliser over a mix of the three inputs: neighbouring indices land far apart.
  let h = (seed >>> 0) ^ Math.imul(stream + 1, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Integer in [min, max], both inclusive. */
export function intBetween(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

/** Element access that satisfies noUncheckedIndexedAccess without scattering `!` everywhere. */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`index ${index} outside 0..${items.length - 1}`);
  return item;
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return at(items, Math.floor(rng() * items.length));
}

/** Standard normal via Box–Muller (one of the pair is discarded: simplicity over speed). */
export function normal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]: log(0) would be -Infinity
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Log-normal with the given median: the usual shape of page views and other counts of attention. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

export function shuffleInPlace<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = items[i] as T;
    items[i] = items[j] as T;
    items[j] = tmp;
  }
  return items;
}

/** Zipf-like weights for ranks 0..n-1: weight(r) = 1 / (r + 1 + offset)^s. */
export function zipfWeights(n: number, s: number, offset = 0): Float64Array {
  const w = new Float64Array(n);
  for (let r = 0; r < n; r++) w[r] = 1 / Math.pow(r + 1 + offset, s);
  return w;
}

/** Draws indices in proportion to fixed weights: a cumulative table and a binary search. */
export class WeightedSampler {
  private readonly cdf: Float64Array;
  readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cdf = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += weights[i] ?? 0;
      this.cdf[i] = sum;
    }
    if (!(sum > 0)) throw new RangeError('WeightedSampler needs at least one positive weight');
    this.total = sum;
  }

  sample(rng: Rng): number {
    const x = rng() * this.total;
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cdf[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
