import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module loaded by scripts/serve.mjs
import { withCsp } from './csp.mjs';
// @ts-expect-error plain JS module loaded by scripts/serve.mjs
import { createNotFoundDocument } from './not-found-document.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// A build folder with a prerendered 404 page, as `next build` leaves it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-csp-'));
fs.mkdirSync(path.join(dir, '.next', 'server', 'app'), { recursive: true });
fs.writeFileSync(path.join(dir, '.next', 'server', 'app', '_not-found.html'), '<!DOCTYPE html><html lang="en"><body><h1>Page not found</h1><script>boot()</script></body></html>');

// Stand-ins for the ways Next answers: a streamed page (headers flushed before the first chunk, as
// Next's pipe-readable does), a page that called notFound() (the bare error document), a JSON answer.
const server = http.createServer((req, res) => {
  withCsp(res, { replace: createNotFoundDocument(dir) });
  if (req.url === '/json') {
    res.setHeader('Content-Type', 'application/json');
    res.flushHeaders();
    res.end('{"ok":true}');
    return;
  }
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  if (req.url === '/missing') {
    res.statusCode = 404;
    res.flushHeaders();
    res.end('<!DOCTYPE html><html id="__next_error__"><head></head><body></body></html>');
    return;
  }
  res.flushHeaders();
  res.write('<!DOCTYPE html><html><body><script>first()</script>');
  setTimeout(() => res.end('<script>second()</script></body></html>'), 20);
});
let origin = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('withCsp', () => {
  it('sends a streamed page with a policy that names each of its inline scripts', async () => {
    const response = await fetch(`${origin}/streamed`);
    const scriptSrc = (response.headers.get('content-security-policy') ?? '').split(';').find((d) => d.trim().startsWith('script-src')) ?? '';
    expect(await response.text()).toContain('second()');
    expect(scriptSrc.match(/'sha256-/g)).toHaveLength(2);
    expect(scriptSrc).not.toContain('unsafe-inline');
  });

  it("answers notFound()'s blank error document with the prerendered 404 page, still 404", async () => {
    const response = await fetch(`${origin}/missing`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('<h1>Page not found</h1>');
    expect(response.headers.get('content-security-policy')).toMatch(/'sha256-/);
  });

  it('leaves other answers streaming, without a policy', async () => {
    const response = await fetch(`${origin}/json`);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('content-security-policy')).toBeNull();
  });
});
