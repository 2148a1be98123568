import { hash } from '@node-rs/argon2';
import { expect, test } from '@playwright/test';
import { appHash, PASSWORD } from './support/actors';
import { logInFrom, loopback, marker, sessionCookieOf, type RawAnswer } from './support/http';
import { footprint, insertUser, insertUsers, withDb } from './support/store';

// Log-in throttling (lib/auth/throttle.ts): 5 failures per account and 50 per client address in a
// window (20 s in the tests). Each test guesses from a loopback address of its own, so the limits
// it reaches never lock out the other specs, which log in from 127.0.0.1.

const WINDOW_SECONDS = 20; // AUTH_THROTTLE_WINDOW_MS in playwright.config.ts

function expectThrottled(answer: RawAnswer, label: string) {
  expect(answer.status, label).toBe(429);
  const retryAfter = Number(answer.headers['retry-after']);
  expect(retryAfter, label).toBeGreaterThan(0);
  expect(retryAfter, label).toBeLessThanOrEqual(WINDOW_SECONDS);
  expect(answer.body, label).toContain('Too many failed attempts');
  expect(sessionCookieOf(answer.headers), label).toBeNull();
}

function expectRefused(answer: RawAnswer, label: string) {
  expect(answer.status, label).toBe(303);
  expect(answer.headers.location, label).toContain('error=credentials');
  expect(sessionCookieOf(answer.headers), label).toBeNull();
}

/** Runs `count` tasks with at most `width` in flight, in order of index. */
async function pool<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

test('brute force on one account: the 6th guess gets 429 + Retry-After, even with the right password, from any address', async () => {
  const target = insertUser(await appHash());
  const before = footprint({ users: [target.id] });
  for (let i = 0; i < 5; i++) expectRefused(await logInFrom(loopback(1), target.email, `wrong guess ${i}`), `guess ${i + 1}`);
  expectThrottled(await logInFrom(loopback(1), target.email, PASSWORD), 'the right password, 6th attempt');
  expectThrottled(await logInFrom(loopback(2), target.email, PASSWORD), 'the right password from another address');
  expectThrottled(await logInFrom(loopback(2), target.email.toUpperCase(), PASSWORD), 'the same address in capitals');
  expect(footprint({ users: [target.id] })).toEqual(before);
});

test('parallel guesses are held to the same limit: 30 at once on one account, 5 passwords checked', async () => {
  const target = insertUser(await appHash());
  const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => logInFrom(loopback(3), target.email, `parallel guess ${i}`)));
  const checked = answers.filter((a) => a.status === 303);
  checked.forEach((a, i) => expectRefused(a, `checked ${i}`));
  answers.filter((a) => a.status !== 303).forEach((a, i) => expectThrottled(a, `throttled ${i}`));
  expect(checked).toHaveLength(5);
});

test('password spraying across 1 000 accounts from one address: 50 guesses, then 429 for the rest; no account falls', async () => {
  test.setTimeout(120_000);
  const sprayed = 'Autumn leaves 2024!';
  const [strong, weak] = [await appHash(), await hash(sprayed)];
  const m = marker('spray');
  // Every 100th account (never among the first 50 tried) uses the sprayed password.
  const rows = Array.from({ length: 1000 }, (_, i) => ({ email: `${m}-${i}@example.test`, name: `Spray ${i}`, weak: i % 100 === 99 }));
  const users = [...insertUsers(strong, rows.filter((r) => !r.weak)), ...insertUsers(weak, rows.filter((r) => r.weak))];
  expect(users).toHaveLength(1000);
  const scope = { users: users.map((u) => u.id) };
  const before = footprint(scope);

  // 100 in flight, as an attacker would: every attempt is counted as it arrives, so the whole spray
  // falls in one throttle window however slowly a busy machine checks the first 50 passwords.
  const started = Date.now();
  const answers = await pool(rows.length, 100, (i) => logInFrom(loopback(4), rows[i]!.email, sprayed));
  const checked = answers.filter((a) => a.status !== 429);
  checked.forEach((a, i) => expectRefused(a, `checked guess ${i}`));
  answers.filter((a) => a.status === 429).forEach((a, i) => expectThrottled(a, `throttled guess ${i}`));
  expect(checked).toHaveLength(50);
  expect(answers.filter((a) => sessionCookieOf(a.headers) !== null)).toHaveLength(0);
  expect(footprint(scope)).toEqual(before);
  test.info().annotations.push({ type: 'spray', description: `1 000 guesses in ${Date.now() - started} ms: 50 checked, 950 throttled` });
  // The window the spray fell in is still the first one (AUTH_THROTTLE_WINDOW_MS) : nothing was reset mid-way.
  const window = withDb((db) => db.prepare('SELECT count, reset_at AS resetAt FROM rate_limits WHERE key = ?').get(`login:ip:${loopback(4)}`)) as { count: number; resetAt: number };
  expect(window.count, 'the whole spray was counted in one throttle window').toBe(1000);

  // The limit is the address's: a reader elsewhere (another address) logs in as usual.
  const weakOne = users.find((u) => u.email === rows[99]!.email)!;
  const elsewhere = await logInFrom(loopback(5), weakOne.email, sprayed);
  expect(elsewhere.status).toBe(303);
  expect(sessionCookieOf(elsewhere.headers)).not.toBeNull();
});

test('a forged client-address header does not move a guess to another address', async () => {
  const address = loopback(6);
  // This address has used up its failures (written as the throttle writes them).
  withDb((db) => db.prepare('INSERT OR REPLACE INTO rate_limits (key, count, reset_at) VALUES (?, 50, ?)').run(`login:ip:${address}`, Date.now() + WINDOW_SECONDS * 1000));
  const target = insertUser(await appHash());
  const forged = '203.0.113.77';
  for (const header of ['X-Forwarded-For', 'X-Real-IP', 'X-Courier-Client-IP', 'True-Client-IP', 'CF-Connecting-IP', 'Forwarded']) {
    const value = header === 'Forwarded' ? `for=${forged}` : forged;
    expectThrottled(await logInFrom(address, target.email, PASSWORD, { [header]: value }), header);
  }
  const keys = withDb((db) => db.prepare(`SELECT key FROM rate_limits WHERE key LIKE ?`).pluck().all(`%${forged}%`));
  expect(keys).toEqual([]);
});
