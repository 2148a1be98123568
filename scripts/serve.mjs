// The production server: Next's request handler behind a plain node:http server, so that
//  - the client's address comes from the socket (x-courier-client-ip) and cannot be forged by a
//    header (set TRUST_PROXY=1 when a reverse proxy in front sets X-Forwarded-For);
//  - every HTML page gets a Content-Security-Policy with the hashes of its inline scripts;
//  - responses are compressed here (Next's own compression is off: it would hide the HTML);
//  - a 404 from notFound() is real HTML, readable without JavaScript (lib/server/not-found-document.mjs);
//  - anonymous pages are served from a five-second cache of finished bytes (lib/server/page-cache.mjs);
//  - NEWSLETTER_CRON, when set, schedules the daily digest.
import http from 'node:http';
import compression from 'compression';
import next from 'next';
import { withCsp } from '../lib/server/csp.mjs';
import { createNotFoundDocument } from '../lib/server/not-found-document.mjs';
import { createPageCache } from '../lib/server/page-cache.mjs';
import { scheduleNewsletter } from '../lib/server/newsletter-cron.mjs';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || '0.0.0.0';
const trustProxy = process.env.TRUST_PROXY === '1';

const app = next({ dev: false, dir: process.cwd(), port, hostname: 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();
const compress = compression({ threshold: 1024 });
// Pages that call notFound() get the prerendered 404 page instead of Next's blank error document.
const notFoundDocument = createNotFoundDocument();
// PAGE_CACHE_MS=0 turns the anonymous page cache off (see lib/server/page-cache.mjs).
const pageCache = createPageCache({ ttlMs: Number(process.env.PAGE_CACHE_MS ?? 5000) });

// No form of this site posts more than a few kilobytes: refuse big bodies before anything reads
// them, with 413 rather than the 500 Next answers for an over-long server action.
const MAX_BODY_BYTES = 64 * 1024;

// A state-changing request must come from this site's own pages (CSRF). Checked once, here, for
// server actions and route handlers alike; each route handler checks again through lib/route.ts.
// Paths that other software posts to by design (e.g. one-click unsubscribe) are listed here.
const CROSS_SITE_ALLOWED = [/^\/api\/newsletter\/unsubscribe(\/|$|\?)/];

function sameOrigin(req) {
  const site = req.headers['sec-fetch-site'];
  if (site) return site === 'same-origin' || site === 'none';
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function refuse(res, status, message) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ error: message }));
}

// An address whose %-escapes do not decode (`/%`, `/news/%FF`) names nothing here; Next would
// answer it with a 500 while matching routes.
function undecodablePath(url) {
  try {
    decodeURIComponent((url ?? '/').split('?')[0]);
    return false;
  } catch {
    return true;
  }
}

const server = http.createServer((req, res) => {
  const writes = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS';
  if (writes && !sameOrigin(req) && !CROSS_SITE_ALLOWED.some((re) => re.test(req.url ?? ''))) {
    req.resume();
    return refuse(res, 403, 'Cross-site requests are not accepted here.');
  }
  if (undecodablePath(req.url)) {
    req.resume();
    return refuse(res, 400, 'That address is not valid.');
  }
  // The size limit needs the size up front: a streamed (chunked) body could be any length, and
  // route handlers would read all of it. Browsers send Content-Length with every form.
  if (writes && req.headers['transfer-encoding']) {
    res.writeHead(411, { 'Content-Type': 'application/json', Connection: 'close' });
    res.end(JSON.stringify({ error: 'Send the request with a Content-Length.' }));
    req.resume();
    return;
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    res.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' });
    res.end(JSON.stringify({ error: 'The request is too large.' }));
    req.resume();
    return;
  }
  // A write to a page is a server action. Every action body runs inside lib/actions.ts, which turns
  // any failure into an answer, so a 5xx here means Next could not decode the request itself
  // (malformed action payload, bad references): the client's fault, 400. Next logs the cause.
  if (writes && !(req.url ?? '').startsWith('/api/')) {
    const writeHead = res.writeHead;
    res.writeHead = function (status, ...rest) {
      if (status >= 500) return writeHead.call(this, 400, ...rest.filter((r) => typeof r !== 'string'));
      return writeHead.call(this, status, ...rest);
    };
  }
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0]?.trim() : '';
  req.headers['x-courier-client-ip'] = forwarded || req.socket.remoteAddress || 'unknown';
  // Writes that change what pages show empty the cache, or the page they were posted to.
  if (writes) res.once('finish', () => pageCache.forgetAfterWrite(req.url ?? '/'));
  const cacheKey = pageCache.keyFor(req);
  if (cacheKey && pageCache.serve(req, res, cacheKey)) return;
  compress(req, res, () => {
    withCsp(res, { onComplete: cacheKey ? (body) => pageCache.store(cacheKey, res, body) : undefined, replace: notFoundDocument });
    handle(req, res);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => console.log(`[courier] ready on http://localhost:${port}`));
scheduleNewsletter();

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
