// Content-Security-Policy by hashes, computed per HTML response (plain JS: loaded by serve.mjs).
//
// Next's pages carry inline scripts (the RSC payload, `self.__next_f.push(…)`) that differ per page.
// A nonce would force every page to render per request and give up the page cache; hashing the
// inline scripts of each response keeps cached pages cached and still needs no 'unsafe-inline'.
import crypto from 'node:crypto';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;

export function cspFor(html) {
  const hashes = new Set();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const body = match[1];
    if (body) hashes.add(`'sha256-${crypto.createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [
    "default-src 'self'",
    `script-src 'self' ${[...hashes].join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * Holds back an HTML response until it is complete, then sends it with its CSP header (and hands
 * the finished page to `onComplete`, for the page cache). `replace(status, body)` may return another
 * finished document to send instead (the 404 page, lib/server/not-found-document.mjs).
 * Anything else streams through untouched.
 */
export function withCsp(res, { onComplete, replace } = {}) {
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  let mode = null; // 'html' | 'pass'
  const chunks = [];
  const decide = () => {
    if (mode) return mode;
    const type = String(res.getHeader('content-type') ?? '');
    mode = type.startsWith('text/html') && !res.headersSent ? 'html' : 'pass';
    return mode;
  };
  // Next flushes the headers of a streamed page (every signed-in page) before its first chunk, which
  // would send it without a policy: an HTML page's headers wait for its end like the rest of it.
  const flushHeaders = res.flushHeaders.bind(res);
  res.flushHeaders = () => {
    if (decide() === 'pass') flushHeaders();
  };
  const toBuffer = (chunk, encoding) => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
  res.write = (chunk, encoding, callback) => {
    if (decide() === 'pass') return write(chunk, encoding, callback);
    if (chunk != null && chunk.length) chunks.push(toBuffer(chunk, encoding));
    if (typeof encoding === 'function') encoding();
    else if (typeof callback === 'function') callback();
    return true;
  };
  res.end = (chunk, encoding, callback) => {
    if (decide() === 'pass') return end(chunk, encoding, callback);
    if (chunk != null && typeof chunk !== 'function' && chunk.length) chunks.push(toBuffer(chunk, encoding));
    const finished = Buffer.concat(chunks);
    const body = (!res.headersSent && replace?.(res.statusCode, finished)) || finished;
    if (!res.headersSent) {
      res.setHeader('Content-Security-Policy', cspFor(body.toString('utf8')));
      res.removeHeader('Content-Length');
      onComplete?.(body);
    }
    return end(body, typeof chunk === 'function' ? chunk : typeof encoding === 'function' ? encoding : callback);
  };
}
