import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { actor, appHash, cookieHeader, dispose, logIn, PASSWORD, type Actor } from './support/actors';
import { actionId, callAction, logInFrom, loopback, newClient, sameOriginHeaders, sessionCookieOf } from './support/http';
import { createArticle, footprint, insertUser, threadOf, withDb } from './support/store';

// A session is a JWT checked on every request against the user row (version, ban, deletion) and a
// sessions row (revoked on log-out): a copy of the cookie must die with the session, however the
// session ended. Forged, tampered and expired tokens are nobody.

const COOKIE = 'authjs.session-token';

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  return fs.readFileSync(path.join(path.dirname(process.env.E2E_DATABASE_FILE!), 'auth-secret'), 'utf8').trim();
}

function sessionToken(cookie: string): string {
  const value = cookie.split('; ').find((c) => c.startsWith(`${COOKIE}=`));
  if (!value) throw new Error(`no session cookie in ${cookie}`);
  return value.slice(COOKIE.length + 1);
}

/** What a request carrying this token is to the site: who /api/auth/session says, and whether /account opens. */
async function replay(token: string, article: { path: string; threadId: number }) {
  const client = await newClient();
  const headers = { Cookie: `${COOKIE}=${token}` };
  const session = await (await client.get('/api/auth/session', { headers })).text();
  const account = await client.get('/account', { headers, maxRedirects: 0 });
  const body = `Replayed ${crypto.randomUUID()}`;
  const post = await callAction(client, {
    id: actionId('app/s/[lang]/comments/actions.ts', 'postCommentAction'),
    path: article.path,
    fields: { threadId: String(article.threadId), body },
    headers,
  });
  const posted = withDb((db) => db.prepare('SELECT count(*) FROM comments WHERE body = ?').pluck().get(body)) as number;
  await client.dispose();
  return { session, account: account.status(), postMessage: post.state?.message ?? null, posted };
}

async function alive(token: string): Promise<boolean> {
  const client = await newClient();
  const session = await (await client.get('/api/auth/session', { headers: { Cookie: `${COOKIE}=${token}` } })).text();
  await client.dispose();
  return session !== 'null';
}

async function expectDead(token: string, article: { path: string; threadId: number }, label: string) {
  const r = await replay(token, article);
  expect(r, label).toEqual({ session: 'null', account: 307, postMessage: 'Log in first.', posted: 0 });
}

function fixtureArticle() {
  const a = createArticle();
  return { path: a.path, threadId: threadOf(a.id) };
}

test.describe('a copied cookie dies with its session', () => {
  test('log out with the site\'s button', async () => {
    const article = fixtureArticle();
    const a = await actor('user');
    const token = sessionToken(await cookieHeader(a.client));
    expect(await alive(token)).toBe(true);
    const out = await callAction(a.client, { id: actionId('app/s/[lang]/actions.ts', 'logoutAction'), path: '/', fields: {}, signature: 'form' });
    expect(out.redirect).toBe('/');
    await expectDead(token, article, 'after log-out');
    await dispose(a);
  });

  test('log out through Auth.js\'s own sign-out endpoint', async () => {
    const article = fixtureArticle();
    const a = await actor('user');
    const token = sessionToken(await cookieHeader(a.client));
    expect(await alive(token)).toBe(true);
    const { csrfToken } = (await (await a.client.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const out = await a.client.post('/api/auth/signout', { form: { csrfToken, callbackUrl: '/' }, headers: sameOriginHeaders(), maxRedirects: 0 });
    expect(out.status()).toBe(302);
    await expectDead(token, article, 'after /api/auth/signout');
    await dispose(a);
  });

  test('a ban by a moderator ends the session at the next request; the banned cannot log in again', async () => {
    const article = fixtureArticle();
    const [victim, mod] = [await actor('user'), await actor('moderator')];
    const token = sessionToken(await cookieHeader(victim.client));
    expect(await alive(token)).toBe(true);
    const ban = await callAction(mod.client, { id: actionId('app/s/[lang]/admin/actions.ts', 'banAction'), path: '/admin', fields: { userId: String(victim.user!.id), reason: 'Security suite', days: '7' } });
    expect(ban.state?.ok).toBe(true);
    await expectDead(token, article, 'after the ban');
    const again = await logInFrom(loopback(1), victim.user!.email, PASSWORD);
    expect(again.headers.location).toContain('error=credentials');
    expect(sessionCookieOf(again.headers)).toBeNull();
    await dispose(victim, mod);
  });

  test('a password change ends every other session, keeps this one, and retires the old password', async () => {
    const article = fixtureArticle();
    const a = await actor('user');
    const other = await newClient();
    await logIn(other, a.user!.email);
    const [mine, theirs] = [sessionToken(await cookieHeader(a.client)), sessionToken(await cookieHeader(other))];
    expect([await alive(mine), await alive(theirs)]).toEqual([true, true]);
    const changed = await callAction(a.client, {
      id: actionId('app/s/[lang]/account/actions.ts', 'changePasswordAction'),
      path: '/account',
      fields: { currentPassword: PASSWORD, newPassword: `${PASSWORD} renewed` },
    });
    expect(changed.redirect).toBe('/account?changed=password');
    await expectDead(theirs, article, 'the other browser');
    await expectDead(mine, article, 'this browser\'s cookie from before the change');
    const now = sessionToken(await cookieHeader(a.client));
    expect(now).not.toBe(mine);
    expect((await replay(now, article)).account).toBe(200);
    expect((await logInFrom(loopback(2), a.user!.email, PASSWORD)).headers.location).toContain('error=credentials');
    expect(sessionCookieOf((await logInFrom(loopback(2), a.user!.email, `${PASSWORD} renewed`)).headers)).not.toBeNull();
    await other.dispose();
    await dispose(a);
  });

  test('"log out everywhere" and deleting the account end every session', async () => {
    const article = fixtureArticle();
    for (const [name, fields] of [
      ['logoutEverywhereAction', {}],
      ['deleteAccountAction', { confirm: 'DELETE' }],
    ] as const) {
      const a = await actor('user');
      const second = await newClient();
      await logIn(second, a.user!.email);
      const tokens = [sessionToken(await cookieHeader(a.client)), sessionToken(await cookieHeader(second))];
      for (const t of tokens) expect(await alive(t), name).toBe(true);
      const answer = await callAction(a.client, { id: actionId('app/s/[lang]/account/actions.ts', name), path: '/account', fields });
      expect(answer.redirect, name).toBe('/');
      for (const t of tokens) await expectDead(t, article, name);
      await second.dispose();
      await dispose(a);
    }
  });
});

test.describe('tokens nobody issued', () => {
  async function live(): Promise<{ a: Actor; sid: string; sv: number }> {
    const a = await actor('user');
    const sid = crypto.randomBytes(18).toString('base64url');
    withDb((db) => db.prepare('INSERT INTO sessions (id, user_id, created_at) VALUES (?, ?, ?)').run(sid, a.user!.id, Date.now()));
    const sv = withDb((db) => db.prepare('SELECT session_version FROM users WHERE id = ?').pluck().get(a.user!.id)) as number;
    return { a, sid, sv };
  }
  const mint = (token: Record<string, unknown>, maxAge = 3600, secret = authSecret()) => encode({ token, secret, salt: COOKIE, maxAge });

  test('tampered, truncated, foreign-key, alg:none and expired tokens are refused; a well-made one is accepted', async () => {
    const article = fixtureArticle();
    const { a, sid, sv } = await live();
    const claims = { uid: a.user!.id, sv, sid, name: a.user!.name, role: 'user' };
    // The control: minted as Auth.js mints them, with the server's secret, it is a session.
    const good = await mint(claims);
    const control = await replay(good, article);
    expect(control.account).toBe(200);
    expect(JSON.parse(control.session).user.id).toBe(String(a.user!.id));

    const parts = good.split('.');
    const flip = (s: string, at: number) => s.slice(0, at) + (s[at] === 'A' ? 'B' : 'A') + s.slice(at + 1);
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const forged: Record<string, string> = {
      'ciphertext flipped': [parts[0], parts[1], parts[2], flip(parts[3]!, 10), parts[4]].join('.'),
      'tag flipped': [parts[0], parts[1], parts[2], parts[3], flip(parts[4]!, 3)].join('.'),
      'header swapped to alg:none': [b64({ alg: 'none', enc: 'A256CBC-HS512' }), ...parts.slice(1)].join('.'),
      truncated: good.slice(0, -12),
      'unsigned JWT, alg:none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, role: 'admin', exp: Math.floor(Date.now() / 1000) + 3600 })}.`,
      'HS256 JWT signed with the secret': (() => {
        const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims, exp: Math.floor(Date.now() / 1000) + 3600 })}`;
        return `${head}.${crypto.createHmac('sha256', authSecret()).update(head).digest('base64url')}`;
      })(),
      'encrypted with another secret': await mint(claims, 3600, crypto.randomBytes(32).toString('base64url')),
      expired: await mint(claims, -60),
      garbage: 'not-a-token',
      empty: '',
    };
    for (const [label, token] of Object.entries(forged)) await expectDead(token, article, label);
    await dispose(a);
  });

  test('a token is only as good as the store says: revoked session, old version, another user\'s session, role claims', async () => {
    const article = fixtureArticle();
    const { a, sid, sv } = await live();
    const victim = insertUser(await appHash());
    const victimSid = crypto.randomBytes(18).toString('base64url');
    withDb((db) => db.prepare('INSERT INTO sessions (id, user_id, created_at) VALUES (?, ?, ?)').run(victimSid, victim.id, Date.now()));
    const claims = { uid: a.user!.id, sv, sid, name: a.user!.name, role: 'user' };
    await expectDead(await mint({ ...claims, sv: sv - 1 }), article, 'an older session version');
    await expectDead(await mint({ ...claims, sid: victimSid }), article, "another user's session id");
    await expectDead(await mint({ ...claims, uid: victim.id }), article, 'another user id with my session');
    await expectDead(await mint({ ...claims, uid: String(a.user!.id) }), article, 'the id as a string');

    // A role claimed in the token is ignored: the store's role is the role.
    const escalated = await mint({ ...claims, role: 'admin' });
    const session = JSON.parse((await replay(escalated, article)).session) as { user: { role: string } };
    expect(session.user.role).toBe('user');
    const client: APIRequestContext = await newClient();
    expect((await client.get('/admin', { headers: { Cookie: `${COOKIE}=${escalated}` }, maxRedirects: 0 })).status()).toBe(403);
    const settings = await callAction(client, {
      id: actionId('app/s/[lang]/admin/actions.ts', 'settingsAction'),
      path: '/admin',
      fields: { premoderation: 'all', firstN: '0', bannedWords: '', suspectWords: '' },
      headers: { Cookie: `${COOKIE}=${escalated}` },
    });
    expect(settings.state?.message).toBe('You do not have permission to do that.');

    // Revoked in the store: dead, though the token itself is perfect.
    withDb((db) => db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ?').run(Date.now(), sid));
    await expectDead(await mint(claims), article, 'a revoked session');
    expect(footprint({ users: [victim.id] }).sessions).toHaveLength(1);
    await client.dispose();
    await dispose(a);
  });

  test('the session cookie is HttpOnly, SameSite=Lax, for the whole site', async () => {
    const target = insertUser(await appHash());
    const answer = await logInFrom(loopback(3), target.email, PASSWORD);
    const line = (answer.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${COOKIE}=`))!;
    expect(line).toMatch(/;\s*HttpOnly/i);
    expect(line).toMatch(/;\s*SameSite=Lax/i);
    expect(line).toMatch(/;\s*Path=\//i);
  });
});
