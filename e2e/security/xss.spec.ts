import { expect, test, type APIRequestContext } from '@playwright/test';
import { actor, dispose, type Actor } from './support/actors';
import { actionId, callAction, marker } from './support/http';
import { escapeReact as escapeHtml, expectInert, type Check } from './support/inert';
import { createArticle, insertComment, threadOf, withDb } from './support/store';

// Stored (and reflected) XSS: every field a person types goes in through the site's own forms and
// comes out on every page that shows it, for readers, their author, moderators and admins. The
// markup must carry it as text (escaped), and no script, tag or handler of it may reach the HTML.

async function page(client: APIRequestContext, url: string): Promise<string> {
  const response = await client.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type'], url).toContain('text/html');
  return response.text();
}

async function act(a: Actor, file: string, name: string, path: string, fields: Record<string, string>) {
  const answer = await callAction(a.client, { id: actionId(file, name), path, fields });
  expect(answer.state?.ok ?? !!answer.redirect, `${name}: ${JSON.stringify(answer.state)}`).toBe(true);
  return answer;
}

test('every user-controlled field, on every page that shows it', async () => {
  test.setTimeout(120_000);
  const m = marker('xss');
  const NAME = `"><img src=x onerror=alert(1)>${m}`;
  const MOD_NAME = `<svg onload=alert(2)>${m}`;
  const LINES = [
    `<script>alert("${m}")</script>`,
    `<img src=x onerror=alert('${m}')>`,
    `"><svg/onload=alert(\`${m}\`)>`,
    `</textarea><script>alert(${m})</script>`,
    `</script><script>alert(${m})</script>`,
    `<a href="javascript:alert(${m})">${m}</a>`,
    `javascript:alert('${m}')`,
    `' onmouseover='alert(${m})`,
  ];
  const LINK = `https://example.test/?q="><script>alert('${m}')</script>`;
  const COMMENT = [...LINES, LINK].join('\n');
  const REPORT = `<script>alert('report ${m}')</script>`;
  const HIDE = `<img src=x onerror=alert('hide ${m}')>`;
  const BAN = `"><script>alert('ban ${m}')</script>`;
  const QUERY = `"><script>alert('q ${m}')</script>`;
  const payloads = [NAME, MOD_NAME, ...LINES, LINK, REPORT, HIDE, BAN, QUERY];

  const article = createArticle();
  const threadId = threadOf(article.id);
  const [author, mod, admin, reader, anon] = [await actor('user'), await actor('moderator'), await actor('admin'), await actor('user'), await actor('anonymous')];
  const ACCOUNT = 'app/s/[lang]/account/actions.ts';
  const COMMENTS = 'app/s/[lang]/comments/actions.ts';
  const ADMIN = 'app/s/[lang]/admin/actions.ts';

  // In through the forms.
  await act(author, ACCOUNT, 'renameAction', '/account', { name: NAME });
  await act(mod, ACCOUNT, 'renameAction', '/account', { name: MOD_NAME });
  await act(author, COMMENTS, 'postCommentAction', article.path, { threadId: String(threadId), body: COMMENT, returnTo: article.path });
  const commentId = withDb((db) => db.prepare('SELECT id FROM comments WHERE author_id = ? AND body = ?').pluck().get(author.user!.id, COMMENT)) as number;
  expect(commentId, 'the comment was stored as typed').toBeGreaterThan(0);
  await act(reader, COMMENTS, 'reportCommentAction', article.path, { commentId: String(commentId), reason: 'abuse', details: REPORT, returnTo: article.path });
  expect(withDb((db) => db.prepare('SELECT details FROM reports WHERE comment_id = ?').pluck().get(commentId))).toBe(REPORT);
  const second = insertComment(threadId, author.user!.id, `To be hidden ${m}`);
  await act(mod, ADMIN, 'hideCommentAction', '/admin', { commentId: String(second.id), reason: HIDE });
  expect(withDb((db) => db.prepare('SELECT name FROM users WHERE id = ?').pluck().get(author.user!.id))).toBe(NAME);

  const profile = `/users/${author.user!.id}`;
  const checks: Array<[APIRequestContext, string, Check]> = [
    [anon.client, article.path, { label: 'article, reader', shown: [NAME, ...LINES, `Hidden by a moderator: ${HIDE}`] }],
    [reader.client, article.path, { label: 'article, signed-in reader', shown: [NAME, ...LINES, `Hidden by a moderator: ${HIDE}`] }],
    [author.client, article.path, { label: 'article, its author', shown: [NAME, ...LINES] }],
    [author.client, '/account', { label: 'account page', shown: [NAME] }],
    [anon.client, profile, { label: 'profile, reader', shown: [NAME, ...LINES] }],
    [reader.client, profile, { label: 'profile, signed-in reader', shown: [NAME, ...LINES] }],
    [mod.client, '/', { label: 'home, the moderator (header)', shown: [MOD_NAME] }],
    // (The readers' copy of /moderation is a cached page, up to a minute old: the signed-in one is live.)
    [reader.client, '/moderation', { label: 'public moderation log', shown: [HIDE] }],
    [mod.client, `/admin?q=${encodeURIComponent(m)}`, { label: 'admin users', shown: [NAME, MOD_NAME] }],
    [admin.client, `/admin?user=${author.user!.id}`, { label: 'admin recent, by author', shown: [NAME, ...LINES] }],
    [mod.client, '/admin', { label: 'admin queues and log', shown: [HIDE, MOD_NAME] }],
  ];
  for (const [client, url, check] of checks) expectInert(await page(client, url), m, payloads, check);
  // The reported comment sits in the Reports queue; the report's text is for the record only.
  expect(await page(mod.client, '/admin')).toContain(escapeHtml(LINES[0]!));

  // The ban, and where its reason shows.
  await act(mod, ADMIN, 'banAction', '/admin', { userId: String(author.user!.id), reason: BAN, days: '7' });
  const afterBan: Array<[APIRequestContext, string, Check]> = [
    [mod.client, `/admin?q=${encodeURIComponent(m)}`, { label: 'admin users, banned', shown: [NAME, BAN] }],
    [admin.client, '/admin', { label: 'admin log, ban', shown: [BAN, MOD_NAME] }],
    [reader.client, '/moderation', { label: 'public log, ban', shown: [BAN, NAME, HIDE] }],
  ];
  for (const [client, url, check] of afterBan) expectInert(await page(client, url), m, payloads, check);

  // A query is shown back to whoever typed it.
  const q = encodeURIComponent(QUERY);
  for (const [client, url, label] of [
    [anon.client, `/search?q=${q}`, 'search, reader'],
    [reader.client, `/search?q=${q}`, 'search, signed in'],
    [mod.client, `/admin?q=${q}`, 'admin user search'],
    [anon.client, `/login?callbackUrl=${q}&error=${q}`, 'log-in page parameters'],
  ] as const) {
    expectInert(await page(client, url), m, payloads, { label, shown: label.startsWith('log-in') ? [] : [QUERY] });
  }

  // JSON answers are JSON, never sniffed as a page.
  for (const url of [`/api/comments/${commentId}`, `/api/comments/${second.id}`, `/api/threads/${threadId}/comments?after=0`]) {
    const response = await anon.client.get(url);
    expect(response.headers()['content-type'], url).toContain('application/json');
    expect(response.headers()['x-content-type-options'], url).toBe('nosniff');
  }
  await dispose(author, mod, admin, reader, anon);
});
