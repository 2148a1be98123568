import { expect, type APIRequestContext } from '@playwright/test';
import { actionId, callAction, marker, newClient, sameOriginHeaders } from './http';
import { banInStore, insertUser, withDb, type Role, type UserRow } from './store';

/** Every fixture account's password. */
export const PASSWORD = 'a long passphrase for the security suite';

let hash: Promise<string> | null = null;
let hashFailure: unknown = null;

/**
 * The app's own argon2 hash of PASSWORD: one account registered through the register action, its
 * hash then copied into every fixture row. Fixture accounts thus cost the app exactly what a real
 * one does (same parameters as the unknown-address dummy), without an argon2 run per account.
 */
export function appHash(): Promise<string> {
  if (hashFailure) hash = null; // a failed attempt is tried again by the next test
  hash ??= (async () => {
    const client = await newClient();
    const email = `${marker('hash')}@example.test`;
    const answer = await callAction(client, {
      id: actionId('app/[lang]/register/actions.ts', 'registerAction'),
      path: '/register',
      fields: { name: 'Hash source', email, password: PASSWORD, callbackUrl: '/' },
    });
    await client.dispose();
    expect(answer.redirect, `registering the hash source: ${JSON.stringify(answer.state)}`).toBe('/');
    return withDb((db) => db.prepare('SELECT password_hash FROM users WHERE email = ?').pluck().get(email) as string);
  })();
  hash.then(
    () => (hashFailure = null),
    (error: unknown) => (hashFailure = error),
  );
  return hash;
}

export type Actor = {
  role: Role;
  /** The account behind the role (null when anonymous). */
  user: UserRow | null;
  /** Its own cookie jar: signed in as the user, or empty. */
  client: APIRequestContext;
};

/** Logs a client in through the real log-in endpoint; the session cookie lands in its jar. */
export async function logIn(client: APIRequestContext, email: string, password = PASSWORD): Promise<void> {
  const response = await client.post('/api/auth/login', { form: { email, password, callbackUrl: '/' }, headers: sameOriginHeaders(), maxRedirects: 0 });
  expect(response.status(), `log-in of ${email}`).toBe(303);
  expect(response.headers().location, `log-in of ${email}`).not.toContain('error=');
}

/**
 * A fresh actor for a role: a new account (moderator and admin by role), signed in through the
 * log-in endpoint. The banned user signed in first and was banned afterwards, so its client still
 * carries the session cookie it had.
 */
export async function actor(role: Role, name?: string): Promise<Actor> {
  const client = await newClient();
  if (role === 'anonymous') return { role, user: null, client };
  const user = insertUser(await appHash(), role === 'banned' ? 'user' : role, name);
  await logIn(client, user.email);
  if (role === 'banned') banInStore(user.id);
  return { role, user, client };
}

export async function dispose(...actors: Actor[]): Promise<void> {
  for (const a of actors) await a.client.dispose();
}

/** The session cookie a client holds, as a Cookie header value. */
export async function cookieHeader(client: APIRequestContext): Promise<string> {
  const state = await client.storageState();
  return state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}
