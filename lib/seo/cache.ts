/**
 * A few seconds' to minutes' memory for feeds and sitemaps: route handlers here are dynamic (a build
 * never reads a database), so this is what keeps a crawler from rebuilding 100 000 URLs per request.
 */
const entries = new Map<string, { until: number; value: unknown }>();
const MAX_ENTRIES = 500;

export const FEED_TTL_MS = 300_000;

export function memo<T>(key: string, ttlMs: number, make: () => T): T {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.until > now) return hit.value as T;
  const value = make();
  if (entries.size >= MAX_ENTRIES) entries.clear();
  entries.set(key, { until: now + ttlMs, value });
  return value;
}

/** Headers for a cached XML document. */
export function xmlHeaders(type: string): HeadersInit {
  return { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': `public, max-age=${FEED_TTL_MS / 1000}` };
}
