/**
 * Every endpoint of the site that the security suite attacks, in one place: the server actions, the
 * route handlers and the admin views, each with what every role must get. A new endpoint is a new
 * row here; the coverage tests (authz.spec.ts) fail until every server action of the build and every
 * route.ts file has one.
 */
import { PASSWORD, type Actor } from './actors';
import { marker, type Fields, type Signature } from './http';
import { banInStore, insertComment, insertUser, type Role, type Scope, type UserRow } from './store';

// ---------------------------------------------------------------------------------------------
// What a role gets.

export type Outcome =
  /** The call takes effect: the rows in its scope change. */
  | { kind: 'changes' }
  /** Refused: nothing in scope changes; the action's answer says `message` (when it answers with a state). */
  | { kind: 'refused'; message: RegExp }
  /** Passes the role check and stops at validation (used where a real change would disturb other tests). */
  | { kind: 'validates' }
  /**
   * Not even found: without a session cookie the request is routed to the cached reader pages,
   * whose actions do not include this one, so Next answers without running anything.
   */
  | { kind: 'unreachable' };

export const LOG_IN_FIRST = /^Log in first\.$/;
export const NO_PERMISSION = /^You do not have permission to do that\.$/;
export const ALREADY_IN = /^You are already logged in\.$/;

const changes: Outcome = { kind: 'changes' };
const refused = (message: RegExp): Outcome => ({ kind: 'refused', message });

/**
 * The matrix an access level implies. A banned user's session ends with the ban: the cookie it still
 * sends reaches the signed-in pages and is refused there as no session at all. `signedInOnly`: the
 * action lives only on signed-in pages (admin, account), so the anonymous cannot even reach it.
 */
export function byAccess(access: 'user' | 'moderator' | 'admin', signedInOnly = true): Record<Role, Outcome> {
  const rank = { user: 0, moderator: 1, admin: 2 }[access];
  const asRole = (r: 0 | 1 | 2) => (r >= rank ? changes : refused(NO_PERMISSION));
  return {
    anonymous: signedInOnly ? { kind: 'unreachable' } : refused(LOG_IN_FIRST),
    banned: refused(LOG_IN_FIRST),
    user: asRole(0),
    moderator: asRole(1),
    admin: asRole(2),
  };
}

// ---------------------------------------------------------------------------------------------
// Server actions.

/** What one call works on: shared by all roles of one action's test (an article and the app's password hash). */
export type Shared = { hash: string; article: { id: number; path: string; threadId: number } };

export type Prepared = {
  /** The page a browser posts the action to (the page whose form carries it). */
  path: string;
  fields: Fields;
  /** The rows the call may change; compared before and after. */
  scope: Scope;
};

export type ActionCase = {
  file: string;
  name: string;
  signature: Signature;
  expect: Record<Role, Outcome>;
  /** Makes what the call acts on, for this actor; a valid request, so a refusal is the role's doing. */
  prepare: (actor: Actor, shared: Shared) => Prepared;
};

const ids = (...xs: Array<number | undefined>) => xs.filter((x): x is number => typeof x === 'number');
const other = (s: Shared, role: 'user' | 'moderator' = 'user'): UserRow => insertUser(s.hash, role);
const actorId = (a: Actor) => a.user?.id;

function commentOf(s: Shared, authorId: number, status: 'visible' | 'pending' | 'hidden' = 'visible') {
  return insertComment(s.article.threadId, authorId, `Fixture comment ${marker('c')}`, status);
}

/** The actor's own comment (or, for the anonymous, somebody's): edit and delete act on their own. */
function ownComment(a: Actor, s: Shared) {
  const author = a.user ?? other(s);
  return { author, comment: commentOf(s, author.id) };
}

const ADMIN = 'app/s/[lang]/admin/actions.ts';
const COMMENTS = 'app/s/[lang]/comments/actions.ts';
const ACCOUNT = 'app/s/[lang]/account/actions.ts';

export const ACTIONS: ActionCase[] = [
  {
    file: ADMIN,
    name: 'hideCommentAction',
    signature: 'state',
    expect: byAccess('moderator'),
    prepare: (a, s) => {
      const author = other(s);
      const c = commentOf(s, author.id);
      return { path: '/admin', fields: { commentId: String(c.id), reason: 'Security suite' }, scope: { users: ids(actorId(a), author.id), comments: [c.id], articles: [s.article.id] } };
    },
  },
  {
    file: ADMIN,
    name: 'commentOpAction',
    signature: 'state',
    expect: byAccess('moderator'),
    prepare: (a, s) => {
      const author = other(s);
      const c = commentOf(s, author.id, 'hidden');
      return { path: '/admin', fields: { commentId: String(c.id), op: 'restore' }, scope: { users: ids(actorId(a), author.id), comments: [c.id], articles: [s.article.id] } };
    },
  },
  {
    file: ADMIN,
    name: 'bulkCommentsAction',
    signature: 'state',
    expect: byAccess('moderator'),
    prepare: (a, s) => {
      const author = other(s);
      const [c1, c2] = [commentOf(s, author.id), commentOf(s, author.id)];
      return {
        path: '/admin',
        fields: { ids: [String(c1.id), String(c2.id)], op: 'hide', reason: 'Security suite' },
        scope: { users: ids(actorId(a), author.id), comments: [c1.id, c2.id], articles: [s.article.id] },
      };
    },
  },
  {
    file: ADMIN,
    name: 'banAction',
    signature: 'state',
    expect: byAccess('moderator'),
    prepare: (a, s) => {
      const target = other(s);
      return { path: '/admin', fields: { userId: String(target.id), reason: 'Security suite', days: '7' }, scope: { users: ids(actorId(a), target.id) } };
    },
  },
  {
    file: ADMIN,
    name: 'unbanAction',
    signature: 'state',
    expect: byAccess('moderator'),
    prepare: (a, s) => {
      const target = other(s);
      banInStore(target.id);
      return { path: '/admin', fields: { userId: String(target.id) }, scope: { users: ids(actorId(a), target.id) } };
    },
  },
  {
    file: ADMIN,
    name: 'roleAction',
    signature: 'state',
    expect: byAccess('admin'),
    prepare: (a, s) => {
      const target = other(s);
      return { path: '/admin', fields: { userId: String(target.id), moderator: '1' }, scope: { users: ids(actorId(a), target.id) } };
    },
  },
  {
    file: ADMIN,
    name: 'settingsAction',
    signature: 'state',
    // Settings are site-wide and other specs depend on them: the admin's call is proven to pass the
    // role check by reaching validation (an unknown mode); everyone else sends a valid form.
    expect: { ...byAccess('admin'), admin: { kind: 'validates' } },
    prepare: (a) => {
      const m = marker('settings');
      const premoderation = a.role === 'admin' ? 'not-a-mode' : 'off';
      return { path: '/admin', fields: { premoderation, firstN: '0', bannedWords: m, suspectWords: '' }, scope: { users: ids(actorId(a)), markers: [m] } };
    },
  },
  {
    file: COMMENTS,
    name: 'postCommentAction',
    signature: 'state',
    expect: byAccess('user', false),
    prepare: (a, s) => {
      const m = marker('post');
      return { path: s.article.path, fields: { threadId: String(s.article.threadId), body: `Posted ${m}`, returnTo: s.article.path }, scope: { users: ids(actorId(a)), articles: [s.article.id], markers: [m] } };
    },
  },
  {
    file: COMMENTS,
    name: 'editCommentAction',
    signature: 'state',
    expect: byAccess('user', false),
    prepare: (a, s) => {
      const { author, comment } = ownComment(a, s);
      return { path: s.article.path, fields: { commentId: String(comment.id), body: `Edited ${marker('edit')}`, returnTo: s.article.path }, scope: { users: [author.id], comments: [comment.id] } };
    },
  },
  {
    file: COMMENTS,
    name: 'deleteCommentAction',
    signature: 'state',
    expect: byAccess('user', false),
    prepare: (a, s) => {
      const { author, comment } = ownComment(a, s);
      return { path: s.article.path, fields: { commentId: String(comment.id), returnTo: s.article.path }, scope: { users: [author.id], comments: [comment.id], articles: [s.article.id] } };
    },
  },
  {
    file: COMMENTS,
    name: 'voteCommentAction',
    signature: 'state',
    expect: byAccess('user', false),
    prepare: (a, s) => {
      const author = other(s);
      const c = commentOf(s, author.id);
      return { path: s.article.path, fields: { commentId: String(c.id), value: '1', returnTo: s.article.path }, scope: { users: ids(actorId(a), author.id), comments: [c.id] } };
    },
  },
  {
    file: COMMENTS,
    name: 'rateArticleAction',
    signature: 'state',
    expect: byAccess('user', false),
    prepare: (a, s) => ({ path: s.article.path, fields: { articleId: String(s.article.id), value: '1', returnTo: s.article.path }, scope: { users: ids(actorId(a)), articles: [s.article.id] } }),
  },
  {
    file: COMMENTS,
    name: 'reportCommentAction',
    signature: 'state',
    expect: byAccess('user', false),
    prepare: (a, s) => {
      const author = other(s);
      const c = commentOf(s, author.id);
      const m = marker('report');
      return { path: s.article.path, fields: { commentId: String(c.id), reason: 'spam', details: m, returnTo: s.article.path }, scope: { users: ids(actorId(a), author.id), comments: [c.id], markers: [m] } };
    },
  },
  {
    file: ACCOUNT,
    name: 'renameAction',
    signature: 'state',
    expect: byAccess('user'),
    prepare: (a) => {
      const m = marker('rename');
      return { path: '/account', fields: { name: `Renamed ${m}` }, scope: { users: ids(actorId(a)), markers: [m] } };
    },
  },
  {
    file: ACCOUNT,
    name: 'changePasswordAction',
    signature: 'state',
    expect: byAccess('user'),
    prepare: (a) => ({ path: '/account', fields: { currentPassword: PASSWORD, newPassword: `${PASSWORD} renewed` }, scope: { users: ids(actorId(a)) } }),
  },
  {
    file: ACCOUNT,
    name: 'logoutEverywhereAction',
    signature: 'state',
    expect: byAccess('user'),
    prepare: (a) => ({ path: '/account', fields: {}, scope: { users: ids(actorId(a)) } }),
  },
  {
    file: ACCOUNT,
    name: 'deleteAccountAction',
    signature: 'state',
    expect: byAccess('user'),
    prepare: (a) => ({ path: '/account', fields: { confirm: 'DELETE' }, scope: { users: ids(actorId(a)) } }),
  },
  {
    file: 'app/s/[lang]/actions.ts',
    name: 'logoutAction',
    signature: 'form',
    // Public: it revokes the session row the cookie names, even one a ban has already ended.
    expect: { anonymous: { kind: 'unreachable' }, banned: changes, user: changes, moderator: changes, admin: changes },
    prepare: (a) => ({ path: '/', fields: {}, scope: { users: ids(actorId(a)) } }),
  },
  {
    file: 'app/[lang]/register/actions.ts',
    name: 'registerAction',
    signature: 'state',
    // Public: a banned user's cookie is dead, so they are as anonymous here.
    expect: { anonymous: changes, banned: changes, user: refused(ALREADY_IN), moderator: refused(ALREADY_IN), admin: refused(ALREADY_IN) },
    prepare: (a) => {
      const m = marker('register');
      return { path: '/register', fields: { name: `New ${m}`, email: `${m}@example.test`, password: PASSWORD }, scope: { users: ids(actorId(a)), markers: [m] } };
    },
  },
  {
    file: ACCOUNT,
    name: 'digestAction',
    signature: 'form',
    expect: byAccess('user'),
    prepare: (a) => ({ path: '/account', fields: { digest: 'on', lang: 'en' }, scope: { users: ids(actorId(a)) } }),
  },
  {
    file: 'app/[lang]/newsletter/actions.ts',
    name: 'subscribeAction',
    signature: 'state',
    // Public, and the same answer for everyone: the address becomes pending (or stays as it was).
    expect: { anonymous: changes, banned: changes, user: changes, moderator: changes, admin: changes },
    prepare: (a) => {
      const m = marker('subscribe');
      return { path: '/', fields: { email: `${m}@example.test`, lang: 'en' }, scope: { users: ids(actorId(a)), markers: [m] } };
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Route handlers (every app/**/route.ts).

export type RoutePrepared = { path: string; form?: Record<string, string>; scope?: Scope };

export type RouteShared = Shared & { mention: string };

export type RouteCase = {
  /** The route.ts this row covers. */
  file: string;
  method: 'GET' | 'POST';
  /** State-changing: checked against cross-site requests, and the scope must not change when refused. */
  writes: boolean;
  /** Status per role (the same for all when a number). */
  status: number | Record<Role, number>;
  prepare: (actor: Actor, shared: RouteShared) => RoutePrepared | Promise<RoutePrepared>;
  /** Extra checks on the answer. */
  check?: (role: Role, body: string, actor: Actor) => void;
};

export const ROUTES: RouteCase[] = [
  { file: 'app/api/health/route.ts', method: 'GET', writes: false, status: 200, prepare: () => ({ path: '/api/health' }) },
  { file: 'app/api/discussion/route.ts', method: 'GET', writes: false, status: 200, prepare: () => ({ path: '/api/discussion' }) },
  {
    file: 'app/api/comments/[id]/route.ts',
    method: 'GET',
    writes: false,
    status: 200,
    prepare: (_a, s) => ({ path: `/api/comments/${commentOf(s, other(s).id).id}` }),
  },
  {
    // Somebody else's comment awaiting moderation exists for nobody but its author.
    file: 'app/api/comments/[id]/route.ts',
    method: 'GET',
    writes: false,
    status: 404,
    prepare: (_a, s) => ({ path: `/api/comments/${commentOf(s, other(s).id, 'pending').id}` }),
  },
  {
    file: 'app/api/threads/[id]/comments/route.ts',
    method: 'GET',
    writes: false,
    status: 200,
    prepare: (_a, s) => ({ path: `/api/threads/${s.article.threadId}/comments?after=0` }),
  },
  // The stream itself is opened by hand in authz.spec.ts (it never ends); a bad id answers at once.
  { file: 'app/api/live/route.ts', method: 'GET', writes: false, status: 400, prepare: () => ({ path: '/api/live?lastEventId=not-an-id' }) },
  { file: 'app/api/lang/route.ts', method: 'GET', writes: false, status: 303, prepare: () => ({ path: '/api/lang?to=en&next=%2F' }) },
  {
    file: 'app/api/views/[id]/route.ts',
    method: 'POST',
    writes: true,
    status: 204,
    prepare: (_a, s) => ({ path: `/api/views/${s.article.id}`, scope: { articles: [s.article.id] } }),
  },
  { file: 'app/api/views/[id]/route.ts', method: 'GET', writes: false, status: 200, prepare: (_a, s) => ({ path: `/api/views/${s.article.id}` }) },
  {
    // A wrong password: the same answer for everyone, and nobody is signed in by it.
    file: 'app/api/auth/login/route.ts',
    method: 'POST',
    writes: true,
    status: 303,
    prepare: (_a, s) => {
      const target = other(s);
      return { path: '/api/auth/login', form: { email: target.email, password: 'not the password', callbackUrl: '/' }, scope: { users: [target.id] } };
    },
  },
  {
    file: 'app/api/auth/[...nextauth]/route.ts',
    method: 'GET',
    writes: false,
    status: 200,
    prepare: () => ({ path: '/api/auth/session' }),
    // A session only for a live, unbanned account, and never more than id, name and role.
    check: (role, body, a) => {
      if (role === 'anonymous' || role === 'banned') {
        if (body !== 'null') throw new Error(`${role} has a session: ${body}`);
      } else {
        const session = JSON.parse(body) as { user: Record<string, unknown> };
        if (session.user.id !== String(a.user!.id) || session.user.role !== role) throw new Error(`wrong session for ${role}: ${body}`);
        if (Object.keys(session.user).sort().join() !== 'id,name,role') throw new Error(`the session says more than it should: ${body}`);
      }
    },
  },
  { file: 'app/api/auth/[...nextauth]/route.ts', method: 'GET', writes: false, status: 200, prepare: () => ({ path: '/api/auth/providers' }) },
  {
    // Auth.js's own sign-out: ends (and now revokes) the caller's session, and only the caller's.
    file: 'app/api/auth/[...nextauth]/route.ts',
    method: 'POST',
    writes: true,
    status: 302,
    prepare: async (a) => {
      const csrf = (await (await a.client.get('/api/auth/csrf')).json()) as { csrfToken: string };
      return { path: '/api/auth/signout', form: { csrfToken: csrf.csrfToken, callbackUrl: '/' }, scope: { users: ids(actorId(a)) } };
    },
  },
  {
    // Auth.js's own credentials callback would check a password around the throttle: closed.
    file: 'app/api/auth/[...nextauth]/route.ts',
    method: 'POST',
    writes: true,
    status: 404,
    prepare: (_a, s) => {
      const target = other(s);
      return { path: '/api/auth/callback/credentials', form: { email: target.email, password: PASSWORD }, scope: { users: [target.id] } };
    },
  },
  { file: 'app/rss.xml/route.ts', method: 'GET', writes: false, status: 200, prepare: () => ({ path: '/rss.xml' }) },
  { file: 'app/atom.xml/route.ts', method: 'GET', writes: false, status: 200, prepare: () => ({ path: '/atom.xml' }) },
  { file: 'app/sitemap.xml/route.ts', method: 'GET', writes: false, status: 200, prepare: () => ({ path: '/sitemap.xml' }) },
  { file: 'app/sitemaps/[file]/route.ts', method: 'GET', writes: false, status: 200, prepare: () => ({ path: '/sitemaps/pages.xml' }) },
  { file: 'app/robots.txt/route.ts', method: 'GET', writes: false, status: 200, prepare: () => ({ path: '/robots.txt' }) },
  { file: 'app/mentions/[slug]/rss.xml/route.ts', method: 'GET', writes: false, status: 200, prepare: (_a, s) => ({ path: `/mentions/${s.mention}/rss.xml` }) },
  // The newsletter's links: the signed token is the authorisation, whoever opens them. A forged one
  // lands on the "does not work" page and changes nothing.
  { file: 'app/api/newsletter/confirm/route.ts', method: 'GET', writes: false, status: 303, prepare: () => ({ path: `/api/newsletter/confirm?token=1.9999999999999.${'A'.repeat(43)}` }) },
  { file: 'app/api/newsletter/unsubscribe/route.ts', method: 'GET', writes: false, status: 303, prepare: () => ({ path: `/api/newsletter/unsubscribe?token=1.0.${'A'.repeat(43)}` }) },
  {
    // RFC 8058 one-click: mail providers post from their own servers, so it is the one write that
    // takes cross-site requests (serve.mjs's allowlist); a forged token is a 400.
    file: 'app/api/newsletter/unsubscribe/route.ts',
    method: 'POST',
    writes: false,
    status: 400,
    prepare: () => ({ path: `/api/newsletter/unsubscribe?token=1.0.${'A'.repeat(43)}`, form: { 'List-Unsubscribe': 'One-Click' } }),
  },
];

// ---------------------------------------------------------------------------------------------
// Admin views: /admin and its sub-views, and the ways a request can be dressed up.

export const ADMIN_VIEWS = (victim: { id: number; name: string }, threadId: number): string[] => [
  '/admin',
  `/admin?q=${encodeURIComponent(victim.name)}&user=${victim.id}`,
  `/admin?thread=${threadId}`,
  '/admin?reports=2',
  '/admin?pending=2',
  '/admin?recent=2',
  '/admin?log=2',
];

export type Variant = { name: string; url: (view: string) => string; headers?: Record<string, string> };

const withQuery = (url: string, extra: string) => url + (url.includes('?') ? '&' : '?') + extra;
const bypass = (name: string) => Array.from({ length: 5 }, () => name).join(':');

/** A request for an admin view, dressed up in every way that has bypassed page checks somewhere. */
export const VARIANTS: Variant[] = [
  { name: 'plain', url: (v) => v },
  { name: 'x-middleware-subrequest: middleware×5', url: (v) => v, headers: { 'x-middleware-subrequest': bypass('middleware') } },
  { name: 'x-middleware-subrequest: src/middleware×5', url: (v) => v, headers: { 'x-middleware-subrequest': bypass('src/middleware') } },
  { name: 'x-middleware-subrequest: proxy×5', url: (v) => v, headers: { 'x-middleware-subrequest': bypass('proxy') } },
  { name: 'RSC: 1', url: (v) => v, headers: { RSC: '1' } },
  { name: 'RSC prefetch', url: (v) => v, headers: { RSC: '1', 'Next-Router-Prefetch': '1' } },
  { name: 'RSC segment prefetch', url: (v) => v, headers: { RSC: '1', 'Next-Router-Segment-Prefetch': '/_tree' } },
  { name: '_rsc=', url: (v) => withQuery(v, '_rsc=1') },
  { name: '.rsc suffix', url: (v) => v.replace('/admin', '/admin.rsc') },
  { name: 'internal tree /s/en', url: (v) => `/s/en${v}` },
  { name: 'internal tree /s/en .rsc', url: (v) => `/s/en${v.replace('/admin', '/admin.rsc')}` },
  { name: 'internal tree segment', url: () => '/s/en/admin.segments/_tree.segment.rsc' },
  { name: 'language prefix /ru', url: (v) => `/ru${v}` },
  { name: 'reader tree /en .rsc', url: (v) => `/en${v.replace('/admin', '/admin.rsc')}` },
  { name: 'trailing slash', url: (v) => v.replace('/admin', '/admin/') },
  { name: 'sub-path', url: (v) => v.replace('/admin', '/admin/x') },
  { name: 'upper case', url: (v) => v.replace('/admin', '/ADMIN') },
  { name: 'escaped letter', url: (v) => v.replace('/admin', '/%61dmin') },
];
