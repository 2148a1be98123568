import { expect, test, type APIResponse } from '@playwright/test';
import { actor, appHash, dispose, PASSWORD } from './support/actors';
import { actionId, baseURL, callAction, locations, logInFrom, loopback, marker, newClient, origin, sameOriginHeaders } from './support/http';
import { createArticle, insertUser } from './support/store';

// Every parameter that decides where a reader is sent next, fed addresses of another site. Wherever
// the answer sends the browser (Location, the action's redirect, a form's hidden return address),
// it must be a page of this site.

const EVIL = [
  'https://evil.example/steal',
  'http://evil.example',
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  'https:evil.example',
  'http:/evil.example',
  '/.//evil.example',
  '/..//evil.example',
  '/a/..//evil.example',
  '/%2e//evil.example',
  '/%2e%2e//evil.example',
  '/\t/evil.example',
  '/%09/evil.example',
  ' //evil.example',
  'javascript:alert(document.domain)',
  'data:text/html,<script>alert(1)</script>',
  'http://localhost.evil.example/',
  `http://evil.example@localhost:1/`,
];

/** Where a browser would go for this target, relative to the page it is on. */
function expectOnSite(target: string | null | undefined, label: string) {
  if (!target) return;
  const url = new URL(target.trim(), `${baseURL()}/some/page`);
  expect(url.origin, `${label} → ${target}`).toBe(origin());
}

function expectLocationsOnSite(response: APIResponse, label: string) {
  for (const l of locations(response)) expectOnSite(l, label);
}

/** The return address a rendered log-in or register form carries (hidden input and the other form's link). */
function formTargets(html: string): string[] {
  const hidden = [...html.matchAll(/name="callbackUrl" value="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
  const links = [...html.matchAll(/href="\/(?:login|register)\?callbackUrl=([^"]*)"/g)].map((m) => decodeURIComponent(m[1]!.replaceAll('&amp;', '&')));
  return [...hidden, ...links];
}

test('log-in endpoint: callbackUrl after a right and a wrong password', async () => {
  const target = insertUser(await appHash());
  const client = await newClient();
  for (const evil of EVIL) {
    const right = await client.post('/api/auth/login', { form: { email: target.email, password: PASSWORD, callbackUrl: evil }, headers: sameOriginHeaders(), maxRedirects: 0 });
    expect(right.status(), evil).toBe(303);
    expect(right.headers().location, evil).not.toContain('error=');
    expectLocationsOnSite(right, `right password, callbackUrl ${evil}`);
  }
  // Failures count against an address: these come from one of the suite's own.
  const reader = await newClient();
  for (const evil of EVIL) {
    const wrong = await logInFrom(loopback(2), `${marker('nobody')}@example.test`, 'wrong', {}, evil);
    expect(wrong.status, evil).toBe(303);
    expectOnSite(wrong.headers.location, `wrong password, callbackUrl ${evil}`);
    // …and the log-in page it lands on carries a return address of this site only.
    const page = await (await reader.get(wrong.headers.location!)).text();
    const targets = formTargets(page);
    expect(targets.length, evil).toBeGreaterThan(0);
    for (const t of targets) expectOnSite(t, `login page after ${evil}`);
  }
  await client.dispose();
  await reader.dispose();
});

test('log-in and register pages: callbackUrl in the form for a reader, and the redirect for a signed-in one', async () => {
  const [anon, user] = [await actor('anonymous'), await actor('user')];
  for (const page of ['/login', '/register']) {
    for (const evil of EVIL) {
      const q = `${page}?callbackUrl=${encodeURIComponent(evil)}`;
      const html = await (await anon.client.get(q)).text();
      const targets = formTargets(html);
      expect(targets.length, q).toBeGreaterThan(0);
      for (const t of targets) {
        expectOnSite(t, q);
        expect(t.startsWith('/') && !t.startsWith('//') && !t.startsWith('/\\'), `${q} → ${t}`).toBe(true);
      }
      const signedIn = await user.client.get(q, { maxRedirects: 0 });
      expect(signedIn.status(), q).toBe(307);
      expectLocationsOnSite(signedIn, `signed in, ${q}`);
      // A Referer from another site is no return address either.
      const referred = await anon.client.get(page, { headers: { Referer: evil.startsWith('http') ? evil : `https://evil.example${evil}` } });
      for (const t of formTargets(await referred.text())) expectOnSite(t, `Referer ${evil}`);
    }
  }
  await dispose(anon, user);
});

test('register action: callbackUrl', async () => {
  const id = actionId('app/[lang]/register/actions.ts', 'registerAction');
  for (const evil of EVIL) {
    const a = await actor('anonymous');
    const m = marker('redirect');
    const answer = await callAction(a.client, { id, path: '/register', fields: { name: `R ${m}`, email: `${m}@example.test`, password: PASSWORD, callbackUrl: evil } });
    expect(answer.redirect, `${evil}: ${JSON.stringify(answer.state)}`).toBeTruthy();
    expectOnSite(answer.redirect, `register, callbackUrl ${evil}`);
    await dispose(a);
  }
});

test('comment actions: returnTo', async () => {
  const article = createArticle();
  const a = await actor('user');
  const id = actionId('app/s/[lang]/comments/actions.ts', 'rateArticleAction');
  let value = 1;
  for (const evil of EVIL) {
    for (const encoding of ['fetch', 'form'] as const) {
      const answer = await callAction(a.client, { id, path: article.path, fields: { articleId: String(article.id), value: String(value), returnTo: evil }, encoding });
      value = value === 1 ? 0 : 1;
      expect(answer.redirect, `${encoding} ${evil}`).toBeTruthy();
      expectOnSite(answer.redirect, `rate, returnTo ${evil} (${encoding})`);
    }
  }
  await dispose(a);
});

test('language switch: next and Referer', async () => {
  const a = await actor('anonymous');
  for (const evil of EVIL) {
    const byNext = await a.client.get(`/api/lang?to=ru&next=${encodeURIComponent(evil)}`, { maxRedirects: 0 });
    expect(byNext.status()).toBe(303);
    expectLocationsOnSite(byNext, `next=${evil}`);
    const byReferer = await a.client.get('/api/lang?to=en', { headers: { Referer: evil.startsWith('http') ? evil : `http://evil.example${evil}` }, maxRedirects: 0 });
    expectLocationsOnSite(byReferer, `Referer ${evil}`);
    // A Referer naming this site with an evil path is still only a path of this site.
    const local = await a.client.get('/api/lang?to=en', { headers: { Referer: `${origin()}/${evil.replace(/^\/+/, '')}` }, maxRedirects: 0 });
    expectLocationsOnSite(local, `own Referer ${evil}`);
  }
  await dispose(a);
});

test('Auth.js endpoints: callbackUrl on sign-in and sign-out, and a planted callback-url cookie', async () => {
  for (const evil of EVIL) {
    const a = await actor('user');
    const signin = await a.client.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(evil)}`, { maxRedirects: 0 });
    expect(signin.status()).toBeLessThan(500);
    expectLocationsOnSite(signin, `signin ${evil}`);
    const { csrfToken } = (await (await a.client.get('/api/auth/csrf')).json()) as { csrfToken: string };
    // Planted beside the real cookies, as another page of the same site could.
    await a.client.storageState().then(async (state) => {
      const url = new URL(baseURL());
      await a.client.dispose();
      a.client = await newClient({ ...state, cookies: [...state.cookies, { name: 'authjs.callback-url', value: encodeURIComponent(evil), domain: url.hostname, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }] });
    });
    const signout = await a.client.post('/api/auth/signout', { form: { csrfToken, callbackUrl: evil }, headers: sameOriginHeaders(), maxRedirects: 0 });
    expect(signout.status()).toBeLessThan(500);
    expectLocationsOnSite(signout, `signout ${evil}`);
    await dispose(a);
  }
});

test('the proxy\'s own redirects (/s/…, /en/…, /ru/…) and canonical article addresses', async () => {
  const article = createArticle();
  const a = await actor('anonymous');
  const paths = [
    '/s//evil.example',
    '/s/%2F%2Fevil-example',
    '/s/%5Cevil-example',
    '/s/%2F%5Cevil-example',
    '/s/.//evil-example',
    '/s/%09/evil-example',
    '/en//evil.example',
    '/en/%2F%2Fevil-example',
    '/ru/%5C%5Cevil-example',
    '/ru/%2F/evil-example',
    '/en/..//evil-example',
    '/s/en//evil-example',
    `${'//'}evil.example`,
    `${'//'}evil.example/%2e%2e`,
    '/%2F%2Fevil-example',
    '/\\evil-example',
    `/news/${article.id}`,
    `/news/${article.id}-wrong-slug`,
    `/news/${article.id}-wrong-slug?x=//evil.example`,
  ];
  for (const p of paths) {
    // As the raw request line: a bare `//host` would otherwise be read as another host.
    const response = await a.client.get(`${baseURL()}${p}`, { maxRedirects: 0 });
    expect(response.status(), p).toBeLessThan(500);
    expectLocationsOnSite(response, p);
  }
  await dispose(a);
});
