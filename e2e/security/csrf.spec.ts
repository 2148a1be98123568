import { expect, test } from '@playwright/test';
import { actor, appHash, dispose, PASSWORD } from './support/actors';
import { ACTIONS, ROUTES, type Outcome, type RouteShared } from './support/endpoints';
import { actionId, callAction, origin, sameOriginHeaders } from './support/http';
import { createArticle, footprint, insertUser, threadOf, withDb, type Role, type Scope } from './support/store';

// Every state-changing endpoint, posted as another site's page would post it (scripts/serve.mjs
// refuses cross-site writes before Next sees them): 403, and not one row changes. Then the same
// request from the site itself, which must work, so the refusal is the origin's doing.

const port = () => new URL(origin()).port;

/** Headers of a write that did not come from this site's own pages. */
const CROSS_SITE: Array<[string, Record<string, string>]> = [
  ['Origin: https://evil.example', { Origin: 'https://evil.example', 'Sec-Fetch-Site': '' }],
  ['Origin: https://evil.example, Sec-Fetch-Site: cross-site', { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }],
  ['Origin: null (sandboxed frame, data: URL)', { Origin: 'null', 'Sec-Fetch-Site': '' }],
  ['no Origin, Sec-Fetch-Site: cross-site', { Origin: '', 'Sec-Fetch-Site': 'cross-site' }],
  ['no Origin, no Sec-Fetch-Site', { Origin: '', 'Sec-Fetch-Site': '' }],
  ['Sec-Fetch-Site: same-site (a sibling host)', { Origin: '', 'Sec-Fetch-Site': 'same-site' }],
  ['Origin: a look-alike host', { get Origin() { return `http://localhost.evil.example:${port()}`; }, 'Sec-Fetch-Site': '' }],
  ['Origin: evil, X-Forwarded-Host: evil', { Origin: 'https://evil.example', 'X-Forwarded-Host': 'evil.example', 'Sec-Fetch-Site': '' }],
];

/** The role the endpoint is for: the call that must work from the site itself. */
function allowedRole(expect: Record<Role, Outcome>): Role {
  const role = (['admin', 'moderator', 'user', 'anonymous'] as const).find((r) => expect[r].kind === 'changes' || expect[r].kind === 'validates');
  if (!role) throw new Error('no role may call this');
  return role;
}

function withoutEmpty(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''));
}

async function shared(): Promise<RouteShared> {
  const article = createArticle();
  return { hash: await appHash(), article: { id: article.id, path: article.path, threadId: threadOf(article.id) }, mention: '' };
}

test.describe('cross-site writes: server actions', () => {
  for (const c of ACTIONS) {
    test(`${c.name}`, async () => {
      const s = await shared();
      const role = allowedRole(c.expect);
      const id = actionId(c.file, c.name);
      // One actor and one request for all variants: a refused call changes nothing, so the last,
      // same-origin call still finds everything as it was prepared.
      const a = await actor(role);
      const p = c.prepare(a, s);
      const before = footprint(p.scope);
      for (const [label, headers] of CROSS_SITE) {
        for (const encoding of ['fetch', 'form'] as const) {
          await test.step(`${label} (${encoding})`, async () => {
            // Every header a browser would send, overridden by the cross-site ones ('' = not sent).
            const answer = await callAction(a.client, { id, path: p.path, fields: p.fields, signature: c.signature, encoding, headers: { ...sameOriginHeaders(), ...headers } });
            expect(answer.status, answer.body.slice(0, 200)).toBe(403);
            expect(JSON.parse(answer.body)).toEqual({ error: 'Cross-site requests are not accepted here.' });
            expect(footprint(p.scope)).toEqual(before);
          });
        }
      }
      await test.step('the same call from the site itself works', async () => {
        const answer = await callAction(a.client, { id, path: p.path, fields: p.fields, signature: c.signature });
        expect(answer.status).toBe(200);
        if (c.expect[role].kind === 'changes') expect(footprint(p.scope)).not.toEqual(before);
        else expect(answer.state?.fieldErrors).toBeTruthy();
      });
      await dispose(a);
    });
  }
});

test.describe('cross-site writes: route handlers', () => {
  ROUTES.forEach((r, index) => {
    if (!r.writes) return;
    test(`#${index} ${r.method} ${r.file.replace(/^app/, '').replace(/\/route\.ts$/, '')}`, async () => {
      const s = await shared();
      const a = await actor('user');
      const p = await r.prepare(a, s);
      const scope: Scope = p.scope ?? {};
      const before = footprint(scope);
      for (const [label, headers] of CROSS_SITE) {
        await test.step(label, async () => {
          const response = await a.client.post(p.path, { form: p.form ?? {}, headers: withoutEmpty(headers), maxRedirects: 0 });
          expect(response.status()).toBe(403);
          expect(await response.json()).toEqual({ error: 'Cross-site requests are not accepted here.' });
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 700)); // counted views are written every 200 ms in the tests
      expect(footprint(scope)).toEqual(before);
      await test.step('the same call from the site itself is answered as usual', async () => {
        const response = await a.client.post(p.path, { form: p.form ?? {}, headers: sameOriginHeaders(), maxRedirects: 0 });
        expect(response.status()).toBe(typeof r.status === 'number' ? r.status : r.status.user);
      });
      await dispose(a);
    });
  });

  test('a log-in posted cross-site signs nobody in (log-in CSRF); from the site it does', async () => {
    const s = await shared();
    const target = insertUser(s.hash);
    const a = await actor('anonymous');
    const form = { email: target.email, password: PASSWORD, callbackUrl: '/' };
    const before = footprint({ users: [target.id] });
    for (const [label, headers] of CROSS_SITE) {
      const response = await a.client.post('/api/auth/login', { form, headers: withoutEmpty(headers), maxRedirects: 0 });
      expect(response.status(), label).toBe(403);
      expect(response.headers()['set-cookie'] ?? '', label).not.toContain('session-token');
    }
    expect(footprint({ users: [target.id] })).toEqual(before);
    const response = await a.client.post('/api/auth/login', { form, headers: sameOriginHeaders(), maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers()['set-cookie']).toContain('session-token');
    await dispose(a);
  });

  test('a view counted from the site itself is written; one posted cross-site never is', async () => {
    const article = createArticle();
    const views = () => withDb((db) => db.prepare('SELECT views FROM articles WHERE id = ?').pluck().get(article.id) as number);
    const a = await actor('anonymous');
    await a.client.post(`/api/views/${article.id}`, { headers: { Origin: 'https://evil.example' } });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(views()).toBe(0);
    expect((await a.client.post(`/api/views/${article.id}`, { headers: sameOriginHeaders() })).status()).toBe(204);
    await expect.poll(views, { timeout: 5_000 }).toBe(1);
    await dispose(a);
  });
});
