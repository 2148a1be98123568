import { expect, test, type APIRequestContext } from '@playwright/test';
import { actor, appHash, dispose } from './support/actors';
import { actionId, baseURL, callAction, logInFrom, loopback, marker } from './support/http';
import { createArticle, insertComment, insertUser, schemaSnapshot, threadOf, withDb, type UserRow } from './support/store';

// SQL and FTS5 syntax in every parameter a request carries: path segments, query strings and form
// fields. Every query is parameterised and every search expression is built by lib/search/query.ts,
// so these are only text: no 5xx, no database error in the answer, the schema and the rows intact.

const INJECTIONS = [
  `'; DROP TABLE users; --`,
  `" OR 1=1 --`,
  `' OR '1'='1`,
  `1 OR 1=1`,
  `1; SELECT sqlite_version()`,
  `' UNION SELECT email, password_hash FROM users --`,
  `NEAR(`,
  `NEAR(a b, 1)`,
  `*`,
  `a*`,
  `"unbalanced`,
  `'unbalanced`,
  `) OR (`,
  `title:x`,
  `{title body}: x`,
  `-x`,
  `^x`,
  `x AND`,
  `OR`,
  `NOT`,
  `"a" "b`,
  `«unclosed`,
  `\\`,
  `%`,
  `_`,
  `%' --`,
  `\u0000`,
  `x\u0000y`,
  `${'('.repeat(200)}`,
  `${'"'.repeat(201)}`,
];

// What SQLite and better-sqlite3 say when a statement breaks (none of it is in the strings sent).
const DB_ERROR = /SQLITE_[A-Z]|SqliteError|syntax error|no such (table|column|function)|unrecognized token|fts5: |malformed MATCH|unterminated string|near "[^"]*": /;

type Fixture = { sentinel: UserRow; article: { id: number; path: string }; threadId: number; mention: string; m: string };

async function fixture(): Promise<Fixture> {
  const sentinel = insertUser(await appHash());
  const m = marker('inj');
  const article = createArticle(`Injection target ${m}`);
  const mention = withDb((db) => db.prepare('SELECT slug FROM mentions ORDER BY id LIMIT 1').pluck().get() as string);
  return { sentinel, article, threadId: threadOf(article.id), mention, m };
}

/** The schema, the sentinel account and the search index as they were: nothing was dropped or broken. */
async function expectIntact(f: Fixture, schema: unknown[], client: APIRequestContext) {
  expect(schemaSnapshot()).toEqual(schema);
  expect(withDb((db) => db.prepare('SELECT count(*) FROM users WHERE id = ? AND email = ?').pluck().get(f.sentinel.id, f.sentinel.email))).toBe(1);
  const search = await (await client.get(`/search?q=${encodeURIComponent(f.m)}`)).text();
  expect(search).toContain(`href="${f.article.path}"`);
}

function readerUrls(f: Fixture, s: string): string[] {
  const e = encodeURIComponent(s);
  return [
    `/search?q=${e}`,
    `/search?q=${e}&page=${e}`,
    `/search?q=${encodeURIComponent(`${s} Minsk`)}`,
    `/news/${e}`,
    `/news/${f.article.id}-${e}`,
    `/users/${e}`,
    `/users/${f.sentinel.id}/page/${e}`,
    `/threads/${e}`,
    `/mentions/${e}`,
    `/mentions/${f.mention}/page/${e}`,
    `/mentions/${e}/rss.xml`,
    `/page/${e}`,
    `/api/comments/${e}`,
    `/api/threads/${e}/comments`,
    `/api/threads/${f.threadId}/comments?after=${e}`,
    `/api/views/${e}`,
    `/api/live?lastEventId=${e}`,
    `/api/lang?to=${e}&next=${e}`,
    `/sitemaps/${e}`,
    `/login?callbackUrl=${e}&error=${e}`,
    `/register?callbackUrl=${e}`,
  ];
}

function adminUrls(s: string): string[] {
  const e = encodeURIComponent(s);
  return [`/admin?q=${e}`, `/admin?user=${e}&thread=${e}`, `/admin?reports=${e}&pending=${e}&recent=${e}&log=${e}`];
}

for (const role of ['anonymous', 'user', 'moderator'] as const) {
  test(`query and path parameters, as ${role === 'moderator' ? 'a moderator (admin views)' : role}`, async () => {
    test.setTimeout(120_000);
    const schema = schemaSnapshot();
    const f = await fixture();
    const a = await actor(role);
    for (const s of INJECTIONS) {
      // Route handlers answer both alike; the signed-in reader's pages are a tree of their own.
      const list = role === 'moderator' ? adminUrls(s) : readerUrls(f, s).filter((u) => role === 'anonymous' || !u.startsWith('/api/'));
      for (const url of list) {
        const response = await a.client.get(`${baseURL()}${url}`, { maxRedirects: 0 });
        expect(response.status(), url).toBeLessThan(500);
        expect(await response.text(), url).not.toMatch(DB_ERROR);
      }
    }
    await expectIntact(f, schema, a.client);
    await dispose(a);
  });
}

test('form fields: log-in, register, comment, report, moderation reason', async () => {
  test.setTimeout(120_000);
  const schema = schemaSnapshot();
  const f = await fixture();
  const { m } = f;
  const [user, mod] = [await actor('user'), await actor('moderator')];
  // Log-in failures count against an address: these come from one of the suite's own.
  for (const s of INJECTIONS) {
    const login = await logInFrom(loopback(1), s, s);
    expect(login.status, `log-in ${s}`).toBeLessThan(500);
    expect(login.body).not.toMatch(DB_ERROR);
  }
  const register = actionId('app/[lang]/register/actions.ts', 'registerAction');
  const post = actionId('app/s/[lang]/comments/actions.ts', 'postCommentAction');
  const edit = actionId('app/s/[lang]/comments/actions.ts', 'editCommentAction');
  const report = actionId('app/s/[lang]/comments/actions.ts', 'reportCommentAction');
  const hide = actionId('app/s/[lang]/admin/actions.ts', 'hideCommentAction');
  const own = insertComment(f.threadId, user.user!.id, `Own comment ${m}`);
  for (const [i, s] of INJECTIONS.entries()) {
    const anon = await actor('anonymous');
    const answers = [
      await callAction(anon.client, { id: register, path: '/register', fields: { name: s, email: s, password: s } }),
      await callAction(user.client, { id: post, path: f.article.path, fields: { threadId: s, parentId: s, body: s } }),
      await callAction(user.client, { id: edit, path: f.article.path, fields: { commentId: String(own.id), body: `${s} ${m}` } }),
      await callAction(user.client, { id: report, path: f.article.path, fields: { commentId: s, reason: s, details: s } }),
      await callAction(mod.client, { id: hide, path: '/admin', fields: { commentId: s, reason: s } }),
      // Last: a sign-up that works, named with the string (the client is signed in afterwards).
      await callAction(anon.client, { id: register, path: '/register', fields: { name: s.slice(0, 50), email: `${m}-${i}@example.test`, password: `${m} strong passphrase` } }),
    ];
    for (const a of answers) {
      expect(a.status, s).toBeLessThan(500);
      expect(a.body, s).not.toMatch(DB_ERROR);
    }
    // The edit went through: the text is stored exactly as typed (NUL is refused by the rules).
    const stored = withDb((db) => db.prepare('SELECT body FROM comments WHERE id = ?').pluck().get(own.id));
    if (!s.includes('\u0000')) expect(stored, s).toBe(`${s} ${m}`.trim());
    await dispose(anon);
  }
  // Names are only text: the accounts carry them exactly.
  const named = withDb((db) => db.prepare('SELECT name FROM users WHERE email LIKE ? ORDER BY id').pluck().all(`${m}-%`)) as string[];
  expect(named).toContain(`'; DROP TABLE users; --`);
  expect(named).toContain(`' UNION SELECT email, password_hash FROM users --`);
  await expectIntact(f, schema, user.client);
  expect(withDb((db) => db.prepare('PRAGMA integrity_check').pluck().get())).toBe('ok');
  await dispose(user, mod);
});
