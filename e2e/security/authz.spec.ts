import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { actor, appHash, dispose, type Actor } from './support/actors';
import { ACTIONS, ADMIN_VIEWS, ROUTES, VARIANTS, type Outcome, type RouteShared, type Shared } from './support/endpoints';
import { actionId, actionManifest, baseURL, callAction, locations, sameOriginHeaders, type ActionAnswer, type Encoding } from './support/http';
import { createArticle, footprint, insertComment, insertUser, ROLES, threadOf, withDb } from './support/store';

// Issue 5's authorization matrix: every admin view, server action and route handler × {anonymous,
// user, banned user, moderator, admin}, with the rows each call may touch compared before and after.

const BYPASS = 'middleware:middleware:middleware:middleware:middleware';

async function shared(): Promise<Shared> {
  const article = createArticle();
  return { hash: await appHash(), article: { id: article.id, path: article.path, threadId: threadOf(article.id) } };
}

function checkOutcome(outcome: Outcome, answer: ActionAnswer, before: unknown, after: unknown, encoding: Encoding, signature: 'state' | 'form' = 'state') {
  const what = `${answer.status} ${JSON.stringify(answer.state)} ${answer.redirect ?? ''} ${answer.body.slice(0, 200)}`;
  expect(answer.status, what).toBeLessThan(500);
  if (outcome.kind === 'changes') {
    expect(after, `the call took effect: ${what}`).not.toEqual(before);
    expect(answer.state?.ok ?? true, what).toBe(true);
    return;
  }
  expect(after, `nothing in scope changed: ${what}`).toEqual(before);
  if (encoding === 'form') {
    expect(answer.status, what).not.toBe(303);
    return;
  }
  // A formAction answers nothing but a redirect on success: a refusal is no change and no redirect.
  if (signature === 'form') {
    expect(answer.redirect ?? null, what).toBeNull();
    return;
  }
  if (outcome.kind === 'unreachable') {
    expect(answer.state, what).toBeNull();
    expect(answer.redirect, what).toBeNull();
    return;
  }
  expect(answer.redirect, what).toBeNull();
  expect(answer.state?.ok, what).toBe(false);
  if (outcome.kind === 'refused') expect(answer.state?.message, what).toMatch(outcome.message);
  else {
    expect(answer.state?.fieldErrors, what).toBeTruthy();
    expect(answer.state?.message, what).not.toMatch(/log in|permission|banned/i);
  }
}

test.describe('coverage: every endpoint has a row', () => {
  test('every server action of the build, and every export of every "use server" file, is in ACTIONS', () => {
    const inTable = new Set(ACTIONS.map((a) => `${a.file}#${a.name}`));
    const built = [...actionManifest().values()].map((e) => `${e.filename}#${e.exportedName}`);
    expect(built.length).toBeGreaterThan(0);
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name)) {
          const text = fs.readFileSync(full, 'utf8');
          if (/^\s*['"]use server['"]/.test(text)) for (const m of text.matchAll(/^export (?:const|async function|function) (\w+)/gm)) sources.push(`${full}#${m[1]}`);
        }
      }
    };
    for (const dir of ['app', 'lib', 'components']) walk(dir);
    expect(sources.length).toBeGreaterThan(0);
    expect([...new Set([...built, ...sources])].filter((k) => !inTable.has(k)).sort(), 'actions without a row in e2e/security/support/endpoints.ts').toEqual([]);
  });

  test('every route.ts is in ROUTES', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/^route\.(ts|tsx|js)$/.test(entry.name)) files.push(full);
      }
    };
    walk('app');
    const inTable = new Set(ROUTES.map((r) => r.file));
    expect(files.filter((f) => !inTable.has(f)).sort(), 'route handlers without a row in e2e/security/support/endpoints.ts').toEqual([]);
  });
});

test.describe('server actions × roles', () => {
  for (const encoding of ['fetch', 'form'] as const) {
    for (const c of ACTIONS) {
      test(`${c.name} (${encoding} encoding)`, async () => {
        const s = await shared();
        const id = actionId(c.file, c.name);
        for (const role of ROLES) {
          await test.step(`${role}: ${c.expect[role].kind}`, async () => {
            const a = await actor(role);
            const p = c.prepare(a, s);
            const before = footprint(p.scope);
            const answer = await callAction(a.client, { id, path: p.path, fields: p.fields, signature: c.signature, encoding });
            checkOutcome(c.expect[role], answer, before, footprint(p.scope), encoding, c.signature);
            // A refusal stays a refusal with the header that once let requests skip middleware.
            if (c.expect[role].kind === 'refused' || c.expect[role].kind === 'unreachable') {
              const bypass = await callAction(a.client, { id, path: p.path, fields: p.fields, signature: c.signature, encoding, headers: { 'x-middleware-subrequest': BYPASS } });
              checkOutcome(c.expect[role], bypass, before, footprint(p.scope), encoding, c.signature);
            }
            await dispose(a);
          });
        }
      });
    }
  }

  test('a non-moderator replays the Hide form taken from a moderator page, with middleware-bypass headers', async () => {
    const s = await shared();
    const [mod, reader] = [await actor('moderator'), await actor('user')];
    const author = insertUser(s.hash);
    const comment = insertComment(s.article.threadId, author.id, 'A comment the moderator sees');
    // The action id as a signed-in moderator's page carries it: the hidden input of the Hide form.
    const html = await (await mod.client.get(`/admin?thread=${s.article.threadId}`)).text();
    const scraped = [...html.matchAll(/name="\$ACTION_\d+:0" value="([^"]+)"/g)].map((m) => JSON.parse(m[1]!.replaceAll('&quot;', '"')) as { id: string });
    const hideId = actionId('app/s/[lang]/admin/actions.ts', 'hideCommentAction');
    expect(scraped.map((x) => x.id)).toContain(hideId);
    const scope = { users: [author.id, reader.user!.id], comments: [comment.id] };
    const before = footprint(scope);
    const dressed: Array<Record<string, string>> = [
      { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
      { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' },
      { 'x-nextjs-data': '1', 'x-invoke-path': '/s/en/admin', 'x-matched-path': '/s/en/admin' },
    ];
    for (const headers of dressed) {
      for (const encoding of ['fetch', 'form'] as const) {
        const answer = await callAction(reader.client, { id: hideId, path: '/admin', fields: { commentId: String(comment.id), reason: 'forged' }, encoding, headers });
        expect(answer.status).toBeLessThan(500);
        if (encoding === 'fetch') expect(answer.state?.message).toMatch(/permission/);
      }
    }
    expect(footprint(scope)).toEqual(before);
    await dispose(mod, reader);
  });
});

test.describe('ownership: the WHERE of every write holds against another signed-in user', () => {
  test('edit, delete, vote as somebody else; extra id fields are ignored', async () => {
    const s = await shared();
    const [mallory, alice] = [await actor('user'), await actor('user')];
    const mine = insertComment(s.article.threadId, alice.user!.id, 'Alice wrote this');
    const scope = { users: [alice.user!.id], comments: [mine.id] };
    const before = footprint(scope);
    const call = (name: string, fields: Record<string, string>) => callAction(mallory.client, { id: actionId('app/s/[lang]/comments/actions.ts', name), path: s.article.path, fields });
    expect((await call('editCommentAction', { commentId: String(mine.id), body: 'Mallory was here' })).state?.message).toMatch(/your own comment/i);
    expect((await call('deleteCommentAction', { commentId: String(mine.id) })).state?.message).toMatch(/only your own/i);
    // Fields the forms never send, naming somebody else, change nothing about them.
    const renamed = await callAction(mallory.client, {
      id: actionId('app/s/[lang]/account/actions.ts', 'renameAction'),
      path: '/account',
      fields: { name: 'Mallory renamed', userId: String(alice.user!.id), id: String(alice.user!.id) },
    });
    expect(renamed.state?.ok).toBe(true);
    const voted = await call('voteCommentAction', { commentId: String(mine.id), value: '1', userId: String(alice.user!.id), authorId: String(mallory.user!.id) });
    expect(voted.redirect).toBeTruthy();
    const after = footprint(scope);
    // Alice's own rows are untouched; Mallory's vote is Mallory's.
    expect(after.users).toEqual(before.users);
    expect(after.comments!.map((c) => (c as { body: string }).body)).toEqual(['Alice wrote this']);
    expect(withDb((db) => db.prepare('SELECT user_id FROM comment_votes WHERE comment_id = ?').pluck().all(mine.id))).toEqual([mallory.user!.id]);
    expect(withDb((db) => db.prepare('SELECT name FROM users WHERE id = ?').pluck().get(mallory.user!.id))).toBe('Mallory renamed');
    await dispose(mallory, alice);
  });

  test('moderators cannot ban moderators or admins; nobody bans an admin or themselves; only admins change roles', async () => {
    const s = await shared();
    const [mod, admin] = [await actor('moderator'), await actor('admin')];
    const otherMod = insertUser(s.hash, 'moderator');
    const otherAdmin = insertUser(s.hash, 'admin');
    const ban = actionId('app/s/[lang]/admin/actions.ts', 'banAction');
    const role = actionId('app/s/[lang]/admin/actions.ts', 'roleAction');
    const scope = { users: [mod.user!.id, admin.user!.id, otherMod.id, otherAdmin.id] };
    const before = footprint(scope);
    const attempts: Array<[Actor, string, Record<string, string>, RegExp]> = [
      [mod, ban, { userId: String(otherMod.id), reason: 'x', days: '7' }, /may not ban/],
      [mod, ban, { userId: String(otherAdmin.id), reason: 'x', days: '7' }, /may not ban/],
      [mod, ban, { userId: String(mod.user!.id), reason: 'x', days: '7' }, /may not ban/],
      [admin, ban, { userId: String(otherAdmin.id), reason: 'x', days: '7' }, /may not ban/],
      [admin, ban, { userId: String(admin.user!.id), reason: 'x', days: 'forever' }, /may not ban/],
      [mod, role, { userId: String(otherMod.id), moderator: '0' }, /permission/],
      [admin, role, { userId: String(otherAdmin.id), moderator: '0' }, /Only an administrator/],
      [admin, role, { userId: String(admin.user!.id), moderator: '0' }, /Only an administrator/],
    ];
    for (const [who, id, fields, message] of attempts) {
      const answer = await callAction(who.client, { id, path: '/admin', fields });
      expect(answer.state?.ok, JSON.stringify(fields)).toBe(false);
      expect(answer.state?.message, JSON.stringify(fields)).toMatch(message);
    }
    expect(footprint(scope)).toEqual(before);
    await dispose(mod, admin);
  });
});

test.describe('route handlers × roles', () => {
  ROUTES.forEach((r, index) => {
    test(`#${index} ${r.method} ${r.file.replace(/^app/, '').replace(/\/route\.ts$/, '')}`, async () => {
      const mention = withDb((db) => db.prepare('SELECT slug FROM mentions ORDER BY id LIMIT 1').pluck().get() as string);
      const s: RouteShared = { ...(await shared()), mention };
      for (const role of ROLES) {
        await test.step(role, async () => {
          const a = await actor(role);
          const p = await r.prepare(a, s);
          const before = p.scope ? footprint(p.scope) : null;
          const response =
            r.method === 'GET'
              ? await a.client.get(p.path, { maxRedirects: 0 })
              : await a.client.post(p.path, { form: p.form ?? {}, headers: sameOriginHeaders(), maxRedirects: 0 });
          const expected = typeof r.status === 'number' ? r.status : r.status[role];
          const body = await response.text();
          expect(response.status(), `${p.path}: ${body.slice(0, 200)}`).toBe(expected);
          r.check?.(role, body, a);
          if (before && r.file.includes('auth')) {
            // Signing in or out only ever touches the caller's own session.
            const after = footprint(p.scope!);
            if (p.path === '/api/auth/signout' && role !== 'anonymous') expect(after.sessions).not.toEqual(before.sessions);
            else expect(after).toEqual(before);
          }
          await dispose(a);
        });
      }
    });
  });

  test('the live stream opens for everyone and says nothing about who is asking', async () => {
    for (const role of ROLES) {
      const a = await actor(role);
      const cookie = (await a.client.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      const url = new URL('/api/live', baseURL());
      const first = await new Promise<{ status: number; type: string; chunk: string }>((resolve, reject) => {
        const req = http.get(url, { headers: { Cookie: cookie } }, (res) => {
          res.once('data', (chunk: Buffer) => {
            resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), chunk: chunk.toString('utf8') });
            req.destroy();
          });
        });
        req.on('error', reject);
      });
      expect(first.status, role).toBe(200);
      expect(first.type).toContain('text/event-stream');
      expect(first.chunk).toContain('event: ready');
      if (a.user) expect(first.chunk).not.toContain(a.user.email);
      await dispose(a);
    }
  });
});

test.describe('admin views × roles × request variants', () => {
  for (const role of ROLES) {
    test(`${role}`, async () => {
      test.setTimeout(120_000);
      const s = await shared();
      const victim = insertUser(s.hash, 'user');
      const secretComment = `Only moderators list this ${victim.email.split('@')[0]}`;
      insertComment(s.article.threadId, victim.id, secretComment);
      const secrets = [victim.email, secretComment];
      const views = ADMIN_VIEWS(victim, s.article.threadId);
      const a = await actor(role);
      const privileged = role === 'moderator' || role === 'admin';

      for (const view of views) {
        const response = await a.client.get(view, { maxRedirects: 0 });
        const body = await response.text();
        if (privileged) {
          expect(response.status(), view).toBe(200);
          for (const name of ['Reports', 'Pending', 'Users', 'Moderation log']) expect(body, view).toContain(`>${name}</h2>`);
        } else if (role === 'user') {
          expect(response.status(), view).toBe(403);
          expect(body).toContain('Access denied');
        } else {
          expect(response.status(), view).toBe(307);
          expect(new Set(locations(response))).toEqual(new Set(['/login?callbackUrl=%2Fadmin']));
        }
        // The combined view names the victim for a moderator; nothing names them for anyone else.
        if (!privileged) for (const secret of secrets) expect(body, view).not.toContain(secret);
        else if (view === views[1]) for (const secret of secrets) expect(body, view).toContain(secret);
      }

      // Dressed-up requests: never a 5xx, never the data, for anyone below moderator.
      for (const view of privileged ? ['/admin'] : views) {
        for (const variant of VARIANTS) {
          const url = variant.url(view);
          const response = await a.client.get(url, { headers: variant.headers, maxRedirects: 5, failOnStatusCode: false }).catch(() => null);
          const label = `${variant.name}: ${url}`;
          if (!response) continue; // a redirect loop that ends nowhere is no answer at all
          expect(response.status(), label).toBeLessThan(500);
          if (!privileged) {
            const body = await response.text();
            for (const secret of secrets) expect(body, label).not.toContain(secret);
            expect(body, label).not.toContain('>Moderation log</h2>');
          }
        }
      }
      await dispose(a);
    });
  }

  test('/account: only one\'s own, and only while signed in', async () => {
    for (const role of ROLES) {
      const a = await actor(role);
      const response = await a.client.get('/account', { maxRedirects: 0 });
      if (role === 'anonymous' || role === 'banned') {
        expect(response.status(), role).toBe(307);
        expect(new Set(locations(response))).toEqual(new Set(['/login?callbackUrl=%2Faccount']));
      } else {
        expect(response.status(), role).toBe(200);
        const body = await response.text();
        expect(body).toContain(a.user!.email);
        expect((body.match(/[\w.+-]+@example\.test/g) ?? []).every((e) => e === a.user!.email)).toBe(true);
      }
      await dispose(a);
    }
  });
});
