// A short-lived cache of finished anonymous pages, in front of Next (plain JS: loaded by serve.mjs).
//
// Next's ISR already renders a page once a minute at most, but serving a cached page still costs
// ~4 ms of CPU (the proxy's rewrite, the router, the CSP hashes, gzip). For the five seconds a page
// stays here, a hit costs a Map lookup and one write of bytes already compressed. Only what a shared
// cache may keep is kept (200, `s-maxage`, no Set-Cookie, HTML), only for readers without a session,
// keyed by the same language choice proxy.ts makes. A write empties it: all of it, or only the page
// it was posted to (`forgetAfterWrite`).
import zlib from 'node:zlib';

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;
const LANG_COOKIE = /(?:^|;\s*)lang=(en|ru)(?:;|$)/;
const SKIP_PATH = /^\/(?:api|_next)\//;
// Writes that change no page: counting a view, opening a stream, signing in and out.
const NOT_A_PAGE_WRITE = /^\/api\/(?:views|live|auth)(?:\/|\?|$)/;
// Comment writes (comments, votes, reports, ratings) are posted to their article's or thread's page.
// Elsewhere they change a counter or the Discussion sidebar, which may be up to `ttlMs` old like any
// cached page (open pages get it live); emptying everything on each comment would leave a busy
// site's readers uncached. Moderation, accounts and every other write empty it all.
const ONE_PAGE_WRITE = /^\/(?:news|threads)\/[^?#]*/;

function localeOf(req) {
  const chosen = LANG_COOKIE.exec(req.headers.cookie ?? '')?.[1];
  if (chosen) return chosen;
  const preferred = String(req.headers['accept-language'] ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return preferred.startsWith('ru') ? 'ru' : 'en';
}

// Bounded by bytes, not entries: the busiest articles' pages run to a megabyte.
export function createPageCache({ ttlMs = 5000, maxBytes = 64 * 1024 * 1024 } = {}) {
  const entries = new Map();
  let bytes = 0;
  const drop = (key) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length + (entry.gzip?.length ?? 0);
    entries.delete(key);
  };

  return {
    /** The key for a request that may be answered from the cache, or null. */
    keyFor(req) {
      if (ttlMs <= 0 || (req.method !== 'GET' && req.method !== 'HEAD')) return null;
      const url = req.url ?? '/';
      if (SKIP_PATH.test(url)) return null;
      const h = req.headers;
      // Client-side navigations ask for the RSC payload of the same URL: never the cached HTML.
      if (h.rsc || h['next-router-prefetch'] || h['next-router-state-tree'] || h['next-action']) return null;
      if (SESSION_COOKIE.test(h.cookie ?? '')) return null;
      return `${localeOf(req)} ${url}`;
    },

    /** Answers from the cache when it can; true when it did. */
    serve(req, res, key) {
      const entry = entries.get(key);
      if (!entry) return false;
      if (entry.expires <= Date.now()) {
        drop(key);
        return false;
      }
      const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      if (gzip && !entry.gzip) {
        entry.gzip = zlib.gzipSync(entry.body, { level: 6 }); // once per entry
        bytes += entry.gzip.length;
      }
      const body = gzip ? entry.gzip : entry.body;
      res.writeHead(entry.status, {
        ...entry.headers,
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        vary: 'Accept-Encoding, Cookie, Accept-Language',
        'content-length': body.length,
        'x-courier-cache': 'HIT',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    },

    /** Keeps a finished HTML response when a shared cache could. */
    store(key, res, body) {
      if (!key || res.statusCode !== 200 || res.getHeader('set-cookie')) return;
      const cacheControl = String(res.getHeader('cache-control') ?? '');
      if (!/\bs-maxage=\d+/.test(cacheControl) || /\b(?:private|no-store|no-cache)\b/.test(cacheControl)) return;
      const headers = { ...res.getHeaders() };
      delete headers['content-length'];
      delete headers['content-encoding'];
      delete headers['transfer-encoding'];
      delete headers.connection;
      delete headers['keep-alive'];
      if (body.length > maxBytes / 8) return;
      drop(key);
      entries.set(key, { expires: Date.now() + ttlMs, status: res.statusCode, headers, body, gzip: undefined });
      bytes += body.length;
      while (bytes > maxBytes) drop(entries.keys().next().value);
    },

    clear() {
      entries.clear();
      bytes = 0;
    },

    /** What a write to `url` changes: nothing, the page it was posted to, or any page. */
    forgetAfterWrite(url) {
      if (NOT_A_PAGE_WRITE.test(url)) return;
      const onePage = ONE_PAGE_WRITE.exec(url)?.[0];
      if (onePage) this.clearPath(onePage);
      else this.clear();
    },

    /** Forgets one address's pages (every language and query string). */
    clearPath(pathname) {
      for (const key of [...entries.keys()]) {
        const url = key.slice(key.indexOf(' ') + 1);
        if (url.split('?')[0] === pathname) drop(key);
      }
    },

    get size() {
      return entries.size;
    },
  };
}
