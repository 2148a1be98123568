import http from 'node:http';
import { expect, test } from '@playwright/test';
import { actor, dispose } from './support/actors';
import { ACTIONS } from './support/endpoints';
import { actionId, baseURL, callAction, marker, rawRequest, sameOriginHeaders } from './support/http';
import { createArticle, footprint, insertComment, threadOf, withDb } from './support/store';

// Bad input of every shape: too big, too deep, not UTF-8, not an id. The answer is a 4xx (a server
// action's refusal comes back as its state, with 200, as Next's protocol has it), never a 5xx, and
// nothing is written.

const LIMIT = 64 * 1024; // scripts/serve.mjs MAX_BODY_BYTES

test('bodies over 64 KiB get 413 on every state-changing endpoint, before anything is read', async () => {
  const a = await actor('admin');
  const article = createArticle();
  const m = marker('big');
  const big = `${m} ${'x'.repeat(LIMIT)}`; // one field just over the limit: the whole body is on the wire before the answer
  const before = footprint({ users: [a.user!.id], markers: [m] });
  const targets = [
    ...ACTIONS.map((c) => ({ label: c.name, path: c.file.includes('/admin/') ? '/admin' : c.file.includes('/account/') ? '/account' : c.file.includes('register') ? '/register' : article.path, id: actionId(c.file, c.name) })),
  ];
  for (const t of targets) {
    for (const encoding of ['fetch', 'form'] as const) {
      const answer = await callAction(a.client, { id: t.id, path: t.path, fields: { body: big }, encoding });
      expect(answer.status, `${t.label} (${encoding}): ${answer.body.slice(0, 100)}`).toBe(413);
    }
  }
  for (const path of ['/api/auth/login', `/api/views/${article.id}`, '/api/auth/signout', '/api/auth/callback/credentials']) {
    const response = await a.client.post(path, { form: { email: big }, headers: sameOriginHeaders(), failOnStatusCode: false });
    expect(response.status(), path).toBe(413);
  }
  expect(footprint({ users: [a.user!.id], markers: [m] })).toEqual(before);
  await dispose(a);
});

test('a streamed (chunked) body is refused with 411, whatever its size', async () => {
  const a = await actor('user');
  const cookie = (await a.client.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const url = new URL(baseURL());
  for (const path of ['/api/auth/login', '/register', '/account']) {
    // The headers and a first 1 KiB chunk, then the answer is awaited: it must not wait for the rest.
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: Number(url.port), path, method: 'POST', headers: { Host: url.host, ...sameOriginHeaders(), Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', reject);
      req.setTimeout(10_000, () => req.destroy(new Error('no answer to a streamed body')));
      req.write(`email=${'y'.repeat(1000)}&`);
    });
    expect(status, path).toBe(411);
  }
  await dispose(a);
});

test('malformed server-action payloads: deep nesting, bad references, broken encodings → 4xx or a refusal, nothing written', async () => {
  const a = await actor('user');
  const article = createArticle();
  const threadId = threadOf(article.id);
  const id = actionId('app/s/[lang]/comments/actions.ts', 'postCommentAction');
  const m = marker('malformed');
  const before = footprint({ users: [a.user!.id], markers: [m] });
  // The form argument (second) is what these break; the first, the previous state, is never read.
  const roots: Record<string, string> = {
    'arrays 5 000 deep': '['.repeat(5000) + ']'.repeat(5000),
    'objects 3 000 deep': '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
    'arrays 5 000 deep as the form': `["$undefined",${'['.repeat(5000)}${']'.repeat(5000)}]`,
    'not JSON': '{"a":',
    'not a list': '"just a string"',
    'an empty list': '[]',
    'a missing part': '["$undefined","$K9"]',
    'a part that never comes': '["$undefined","$@99"]',
    'a Map reference': '["$undefined","$Q1"]',
    'a server reference': '["$undefined","$h1"]',
    'a function reference': '["$undefined","$F1"]',
    'a blob reference': '["$undefined","$B1"]',
    'a huge BigInt': `["$undefined","$n${'9'.repeat(1000)}"]`,
    'a date that is not one': '["$undefined","$Dnot a date"]',
    'a plain object for the form': '["$undefined",{"threadId":"1","body":"x","get":"x"}]',
    '1 001 arguments': JSON.stringify(Array.from({ length: 1001 }, () => null)),
  };
  const fields = { threadId: String(threadId), body: `Should never be posted ${m}` };
  for (const [label, root] of Object.entries(roots)) {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(`_1_${k}`, v);
    fd.append('1', JSON.stringify({ id, bound: null }));
    fd.append('0', root);
    const response = await a.client.post(article.path, { multipart: fd, headers: { ...sameOriginHeaders(), 'Next-Action': id }, maxRedirects: 0, timeout: 15_000 });
    expect(response.status(), label).toBeLessThan(500);
    expect(response.headers()['x-action-redirect'], label).toBeUndefined();
  }
  // Field names and bodies no form has: 3 000-deep brackets, 400 fields, a text body, a JSON body.
  const deepName = `${'a['.repeat(3000)}${']'.repeat(3000)}`;
  const odd = await callAction(a.client, { id, path: article.path, fields: { ...Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`f${i}`, 'x'])), [deepName]: 'x', threadId: 'x', body: fields.body } });
  expect(odd.status).toBeLessThan(500);
  expect(odd.state?.ok).toBe(false);
  for (const [type, body] of [
    ['text/plain;charset=UTF-8', '["$undefined",'],
    ['application/json', '{"threadId": {"$gt": 0}}'],
    ['multipart/form-data; boundary=B', 'not multipart at all'],
    ['application/x-www-form-urlencoded', 'threadId=1&body=x'],
  ] as const) {
    const response = await a.client.post(article.path, { data: body, headers: { ...sameOriginHeaders(), 'Next-Action': id, 'Content-Type': type }, maxRedirects: 0 });
    expect(response.status(), type).toBeLessThan(500);
  }
  // The same malformed payloads as a browser without JavaScript would post them.
  for (const [label, entries] of [
    ['bad JSON in $ACTION_1:0', [['$ACTION_REF_1', ''], ['$ACTION_1:0', '{"id":'], ['$ACTION_1:1', '[]']]],
    ['unknown action id', [['$ACTION_REF_1', ''], ['$ACTION_1:0', JSON.stringify({ id: 'f'.repeat(42), bound: '$@1' })], ['$ACTION_1:1', '[]']]],
    ['$ACTION_ID of nothing', [['$ACTION_ID_0000', '']]],
    ['bound is not a list', [['$ACTION_REF_1', ''], ['$ACTION_1:0', JSON.stringify({ id, bound: '$@1' })], ['$ACTION_1:1', '"x"']]],
  ] as const) {
    const fd = new FormData();
    for (const [k, v] of entries) fd.append(k, v);
    const response = await a.client.post(article.path, { multipart: fd, headers: sameOriginHeaders(), maxRedirects: 0 });
    expect(response.status(), label).toBeLessThan(500);
  }
  // Next-Action ids that are no action.
  for (const bad of ['', 'x'.repeat(42), 'f'.repeat(42), 'x'.repeat(5000), '../../etc/passwd', '7f'.padEnd(42, '0')]) {
    const response = await a.client.post(article.path, { multipart: new FormData(), headers: { ...sameOriginHeaders(), 'Next-Action': bad }, maxRedirects: 0 });
    expect(response.status(), `Next-Action: ${bad.slice(0, 20)}`).toBeLessThan(500);
  }
  expect(footprint({ users: [a.user!.id], markers: [m] })).toEqual(before);
  await dispose(a);
});

test('bytes that are not UTF-8, in the path, the query, a form and a cookie', async () => {
  const a = await actor('user');
  const article = createArticle();
  const threadId = threadOf(article.id);
  const address = '127.0.0.1';
  for (const path of ['/news/%FF', `/news/${article.id}-%FF%FE`, '/mentions/%C0%AF', '/users/%E0%A4%A', '/%', '/%%', '/api/%', '/api/comments/%FF', '/search/%FF', '/%ED%A0%80']) {
    const r = await rawRequest(address, { path });
    expect(r.status, path).toBe(400);
  }
  for (const path of ['/search?q=%FF%FE', '/search?q=%C0%AF', '/search?q=%ED%A0%80', '/login?callbackUrl=%FF', `/api/threads/${threadId}/comments?after=%FF`, '/api/lang?to=%FF', '/api/live?lastEventId=%FF']) {
    const r = await rawRequest(address, { path });
    expect(r.status, path).toBeGreaterThanOrEqual(200);
    expect(r.status, path).toBeLessThan(500);
  }
  // Raw bytes in the path itself (not %-escaped).
  const rawPath = await rawRequest(address, { path: Buffer.from([0x2f, 0x6e, 0x65, 0x77, 0x73, 0x2f, 0xff, 0xfe]).toString('latin1') }).catch(() => null);
  if (rawPath) expect(rawPath.status).toBeLessThan(500);
  // A form field of invalid UTF-8 is read with replacement characters, stored as valid UTF-8 or refused.
  const m = marker('utf8');
  const body = Buffer.concat([
    Buffer.from(`--B\r\nContent-Disposition: form-data; name="_1_body"\r\n\r\n${m} `),
    Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
    Buffer.from(`\r\n--B\r\nContent-Disposition: form-data; name="_1_threadId"\r\n\r\n${threadId}\r\n--B\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$undefined","$K1"]\r\n--B--\r\n`),
  ]);
  const id = actionId('app/s/[lang]/comments/actions.ts', 'postCommentAction');
  const posted = await a.client.post(article.path, { data: body, headers: { ...sameOriginHeaders(), 'Next-Action': id, 'Content-Type': 'multipart/form-data; boundary=B' }, maxRedirects: 0 });
  expect(posted.status()).toBeLessThan(500);
  const stored = withDb((db) => db.prepare('SELECT body FROM comments WHERE body LIKE ?').pluck().get(`${m}%`)) as string | undefined;
  if (stored !== undefined) expect(Buffer.from(stored, 'utf8').toString('utf8')).toBe(stored);
  const login = await a.client.post('/api/auth/login', { data: Buffer.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x3d, 0xff, 0xfe, 0x26, 0x70, 0x3d, 0xc0]), headers: { ...sameOriginHeaders(), 'Content-Type': 'application/x-www-form-urlencoded' }, maxRedirects: 0 });
  expect(login.status()).toBe(303);
  for (const cookie of ['authjs.session-token=%FF%FE', 'authjs.session-token=\u00ff\u00fe', 'lang=%FF', 'seen=%FF%FE', 'authjs.callback-url=%FF']) {
    const r = await rawRequest(address, { path: '/', headers: { Cookie: cookie } });
    expect(r.status, cookie).toBeLessThan(500);
    const s = await rawRequest(address, { path: '/api/auth/session', headers: { Cookie: cookie } });
    expect(s.status, `session, ${cookie}`).toBeLessThan(500);
  }
  await dispose(a);
});

test('malformed ids and odd paths → 4xx, for readers and signed-in readers alike', async () => {
  test.setTimeout(120_000);
  const article = createArticle();
  const threadId = threadOf(article.id);
  const long = 'a'.repeat(5000);
  const paths = [
    '/news/abc', '/news/0', '/news/-1', '/news/1.5', '/news/1e3', '/news/0x10', '/news/99999999999999999999', '/news/9007199254740993', '/news/%00', `/news/${article.id}%00`, `/news/${article.id}-%00`, `/news/${long}`,
    '/users/-1', '/users/abc', '/users/0', '/users/1.5', '/users/99999999999999999999', '/users/1/page/0', '/users/1/page/abc', '/users/1/page/99999999', '/users/%00',
    '/threads/abc', '/threads/0', `/threads/${threadId}/page/0`, `/threads/${threadId}/page/-1`, '/threads/99999999999999999999',
    '/mentions/%00', '/mentions/x%2Fy', `/mentions/${long}`, '/mentions/no-such-mention', '/mentions/no-such-mention/rss.xml', '/mentions/%00/rss.xml', '/mentions/page/0',
    '/page/0', '/page/abc', '/page/99999999', '/page/-1',
    '/api/comments/x', '/api/comments/-1', '/api/comments/0', '/api/comments/1e3', '/api/comments/0x10', '/api/comments/99999999999999999999', '/api/comments/%00', `/api/comments/${long}`,
    '/api/threads/x/comments', `/api/threads/${threadId}/comments?after=-1`, `/api/threads/${threadId}/comments?after=x`, `/api/threads/${threadId}/comments?after=1e400`,
    '/api/views/x', '/api/views/-1', '/api/views/99999999999999999999',
    '/api/live?lastEventId=x', '/api/live?lastEventId=99999999999999999999', '/api/live?lastEventId=-1',
    '/api/lang', '/api/lang?to=xx', '/api/nothing', '/api/auth/nothing',
    '/sitemaps/x.xml', '/sitemaps/articles-0.xml', '/sitemaps/articles-99999.xml', '/sitemaps/../../etc/passwd',
    '/search?page=-1&q=a', '/search?page=abc&q=a', '/search?page=99999999999&q=a', '/search?q[]=a&q[]=b',
    `/${long}`, `/${'a/'.repeat(2000)}`, '/..%2F..%2Fetc%2Fpasswd', '/_next/static/..%2F..%2Fserver%2Fapp-paths-manifest.json', '/_next/static/%2e%2e/%2e%2e/package.json',
    '/.env', '/data/courier.db', '/.next/server/server-reference-manifest.json', '/api/auth/error?error=%3Cscript%3E',
  ];
  const clients = [await actor('anonymous'), await actor('user')];
  for (const c of clients) {
    for (const path of paths) {
      const response = await c.client.get(`${baseURL()}${path}`, { maxRedirects: 0 });
      expect(response.status(), `${c.role} ${path}`).toBeLessThan(500);
      const body = await response.text();
      expect(body, `${c.role} ${path}`).not.toMatch(/SQLITE_|at \S+ \(\/|node_modules|"workers"|AUTH_SECRET|BEGIN PRIVATE/);
    }
  }
  // Beyond what Node reads as a request line and headers: refused by the HTTP layer itself.
  const huge = await rawRequest('127.0.0.1', { path: `/${'a'.repeat(17_000)}` });
  expect(huge.status).toBe(431);
  // Methods no page or route takes.
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) {
    for (const path of ['/', article.path, '/api/health', `/api/comments/${insertComment(threadId, clients[1]!.user!.id, `m ${marker()}`).id}`, '/api/auth/session']) {
      const r = await rawRequest('127.0.0.1', { method, path, headers: { ...sameOriginHeaders() } });
      expect(r.status, `${method} ${path}`).toBeLessThan(500);
    }
  }
  await dispose(...clients);
});

test('Auth.js endpoints with odd actions, return addresses and cookies → never a 5xx', async () => {
  const a = await actor('user');
  const { csrfToken } = (await (await a.client.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const bad = ['javascript:alert(1)', 'data:text/html,x', '\\\\evil.example', ' //evil.example', '%FF', 'http://[::1', ''];
  for (const value of bad) {
    for (const path of ['/api/auth/session', '/api/auth/csrf', '/api/auth/providers', '/api/auth/signin', '/api/auth/signout', '/api/auth/error', '/api/auth/verify-request', '/api/auth/nothing']) {
      const byQuery = await a.client.get(`${path}?callbackUrl=${encodeURIComponent(value)}`, { maxRedirects: 0 });
      expect(byQuery.status(), `GET ${path}?callbackUrl=${value}`).toBeLessThan(500);
      const byCookie = await rawRequest('127.0.0.1', { path, headers: { Cookie: `authjs.callback-url=${encodeURIComponent(value)}` } });
      expect(byCookie.status, `GET ${path}, callback cookie ${value}`).toBeLessThan(500);
    }
    for (const path of ['/api/auth/signout', '/api/auth/signin', '/api/auth/signin/credentials', '/api/auth/session', '/api/auth/nothing']) {
      const post = await a.client.post(`${path}?callbackUrl=${encodeURIComponent(value)}`, { form: { csrfToken, callbackUrl: value }, headers: sameOriginHeaders(), maxRedirects: 0 });
      expect(post.status(), `POST ${path} callbackUrl=${value}`).toBeLessThan(500);
      const noCsrf = await a.client.post(path, { form: { callbackUrl: value }, headers: sameOriginHeaders(), maxRedirects: 0 });
      expect(noCsrf.status(), `POST ${path} without a CSRF token`).toBeLessThan(500);
    }
  }
  await dispose(a);
});
