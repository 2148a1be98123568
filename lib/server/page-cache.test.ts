import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module loaded by scripts/serve.mjs
import { withCsp } from './csp.mjs';
// @ts-expect-error plain JS module loaded by scripts/serve.mjs
import { createPageCache } from './page-cache.mjs';

// The same composition as scripts/serve.mjs, with a stand-in for Next that counts its renders.
let renders = 0;
let cacheControl = 's-maxage=60, stale-while-revalidate=31535940';
const cache = createPageCache({ ttlMs: 60_000 });
const server = http.createServer((req, res) => {
  if (req.method === 'POST') {
    res.once('finish', () => cache.forgetAfterWrite(req.url ?? '/'));
    res.end('ok');
    return;
  }
  const key = cache.keyFor(req);
  if (key && cache.serve(req, res, key)) return;
  withCsp(res, { onComplete: key ? (body: Buffer) => cache.store(key, res, body) : undefined });
  renders += 1;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', cacheControl);
  if (req.url === '/cookie') res.setHeader('Set-Cookie', 'a=b');
  res.end(`<html><body><script>render(${renders})</script>${req.url} ${req.headers['accept-language'] ?? ''}</body></html>`);
});
let origin = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin}${path}`, { headers });

describe('the anonymous page cache', () => {
  it('serves a repeat from the cache, with its CSP, gzipped on request, per language', async () => {
    const first = await get('/a');
    expect(first.headers.get('x-courier-cache')).toBeNull();
    const body = await first.text();
    const again = await get('/a');
    expect(again.headers.get('x-courier-cache')).toBe('HIT');
    expect(await again.text()).toBe(body);
    expect(again.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve) =>
      http.get(`${origin}/a`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }),
    );
    expect(raw.encoding).toBe('gzip');
    expect(zlib.gunzipSync(raw.body).toString()).toBe(body);
    const russian = await get('/a', { 'accept-language': 'ru-RU,ru' });
    expect(russian.headers.get('x-courier-cache')).toBeNull();
    expect(await russian.text()).toContain('ru-RU');
  });

  it('never answers signed-in readers, client navigations or private responses from it', async () => {
    await get('/b');
    expect((await get('/b', { cookie: 'authjs.session-token=x' })).headers.get('x-courier-cache')).toBeNull();
    expect((await get('/b', { rsc: '1' })).headers.get('x-courier-cache')).toBeNull();
    await get('/cookie');
    expect((await get('/cookie')).headers.get('x-courier-cache')).toBeNull();
    cacheControl = 'private, no-cache, no-store, max-age=0, must-revalidate';
    await get('/private');
    expect((await get('/private')).headers.get('x-courier-cache')).toBeNull();
    cacheControl = 's-maxage=60, stale-while-revalidate=31535940';
  });

  it('is emptied by any write', async () => {
    await get('/c');
    expect((await get('/c')).headers.get('x-courier-cache')).toBe('HIT');
    await fetch(`${origin}/post`, { method: 'POST', body: 'x' });
    expect((await get('/c')).headers.get('x-courier-cache')).toBeNull();
  });

  it('forgets only the page a comment was posted to, in every language and query', async () => {
    for (const path of ['/news/1-a', '/news/1-a?reply=3', '/news/2-b']) await get(path);
    await get('/news/1-a', { 'accept-language': 'ru' });
    for (const path of ['/news/1-a', '/news/1-a?reply=3', '/news/2-b']) expect((await get(path)).headers.get('x-courier-cache'), path).toBe('HIT');
    await fetch(`${origin}/news/1-a?reply=3`, { method: 'POST', body: 'x' });
    expect((await get('/news/1-a')).headers.get('x-courier-cache')).toBeNull();
    expect((await get('/news/1-a?reply=3')).headers.get('x-courier-cache')).toBeNull();
    expect((await get('/news/1-a', { 'accept-language': 'ru' })).headers.get('x-courier-cache')).toBeNull();
    expect((await get('/news/2-b')).headers.get('x-courier-cache')).toBe('HIT');
  });
});
