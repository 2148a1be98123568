import { expect, test } from '@playwright/test';
import { actor, appHash, dispose, PASSWORD } from './support/actors';
import { actionBody, actionId, callAction, flightState, logInFrom, loopback, marker, median, rawRequest, sameOriginHeaders, type RawAnswer } from './support/http';
import { banInStore, footprint, insertUser, insertUsers, withDb } from './support/store';

// Does the site tell whether an address has an account? Log-in: never (same status, page and
// headers; an unknown address costs the same argon2 work against a dummy hash). Register: it has to
// say the address is taken, so that answer is held to the per-address sign-up limit.

/** What a log-in answer shows a client: status, where it sends them, which cookies it sets. */
function shape(answer: RawAnswer) {
  const cookies = (answer.headers['set-cookie'] ?? []).map((c) => c.split('=')[0]).sort();
  return { status: answer.status, location: answer.headers.location, cookies, retryAfter: answer.headers['retry-after'] !== undefined };
}

const unknownEmail = () => `${marker('nobody')}@example.test`;

test('log-in: a wrong password, an unknown address, a banned and a deleted account all get the same answer', async () => {
  const h = await appHash();
  const [known, banned, deleted] = [insertUser(h), insertUser(h), insertUser(h)];
  banInStore(banned.id);
  withDb((db) => db.prepare('UPDATE users SET deleted_at = ? WHERE id = ?').run(Date.now(), deleted.id));
  const address = loopback(1);
  const answers = {
    'wrong password': await logInFrom(address, known.email, 'not the password'),
    'unknown address': await logInFrom(address, unknownEmail(), 'not the password'),
    'banned, right password': await logInFrom(address, banned.email, PASSWORD),
    'deleted, right password': await logInFrom(address, deleted.email, PASSWORD),
  };
  const shapes = Object.values(answers).map(shape);
  for (const s of shapes) expect(s).toEqual(shapes[0]);
  expect(shapes[0]!.status).toBe(303);
  expect(shapes[0]!.location).toContain('/login?error=credentials');
  // The page the reader lands on says the same thing for all of them.
  const client = await actor('anonymous');
  const page = await (await client.client.get(answers['unknown address'].headers.location!)).text();
  expect(page).toContain('The e-mail or password is not right.');
  await dispose(client);
});

test('log-in timing: an unknown address costs what a wrong password costs (medians within a tolerant bound)', async () => {
  test.setTimeout(90_000);
  const h = await appHash();
  const m = marker('timing');
  const known = insertUsers(h, Array.from({ length: 20 }, (_, i) => ({ email: `${m}-${i}@example.test`, name: `Timing ${i}` })));
  const address = loopback(2);
  // Warm both paths (the dummy hash is made on first use), then interleave, one guess per account.
  await logInFrom(address, unknownEmail(), 'warm up');
  await logInFrom(address, `${m}-warm@example.test`, 'warm up');
  const times = { known: [] as number[], unknown: [] as number[] };
  for (const user of known) {
    const a = await logInFrom(address, user.email, 'not the password');
    const b = await logInFrom(address, unknownEmail(), 'not the password');
    expect([a.status, b.status]).toEqual([303, 303]);
    times.known.push(a.ms);
    times.unknown.push(b.ms);
  }
  const [k, u] = [median(times.known), median(times.unknown)];
  test.info().annotations.push({ type: 'timing', description: `median known ${k.toFixed(1)} ms, unknown ${u.toFixed(1)} ms` });
  // Without the dummy verification an unknown address answers in a few ms against ~50 ms or more.
  expect(Math.abs(k - u), `known ${k.toFixed(1)} ms vs unknown ${u.toFixed(1)} ms`).toBeLessThanOrEqual(Math.max(30, 0.35 * Math.max(k, u)));
});

test('log-in lock-out: an unknown address is throttled after 5 failures exactly like a known one', async () => {
  const known = insertUser(await appHash());
  for (const [email, address] of [
    [known.email, loopback(3)],
    [unknownEmail(), loopback(4)],
  ] as const) {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await logInFrom(address, email, `guess ${i}`)).status);
    expect(statuses, email).toEqual([303, 303, 303, 303, 303, 429]);
  }
});

test('register: a taken address is refused without showing the account, and counts against the sign-up limit', async () => {
  const existing = insertUser(await appHash(), 'user', `Existing ${marker('name')}`);
  const id = actionId('app/[lang]/register/actions.ts', 'registerAction');
  const a = await actor('anonymous');
  const before = footprint({ users: [existing.id], markers: [existing.email.toUpperCase()] });
  const taken = await callAction(a.client, { id, path: '/register', fields: { name: 'Someone else', email: existing.email.toUpperCase(), password: PASSWORD } });
  expect(taken.status).toBe(200);
  expect(taken.state?.ok).toBe(false);
  expect(taken.state?.message).toBe('An account with this e-mail already exists. Log in instead.');
  expect(taken.body).not.toContain(existing.name);
  expect(taken.body).not.toContain(`/users/${existing.id}`);
  expect(footprint({ users: [existing.id], markers: [existing.email.toUpperCase()] })).toEqual(before);
  await dispose(a);

  // An address that used up its sign-ups gets one answer for taken and free addresses alike.
  const address = loopback(5);
  withDb((db) => db.prepare('INSERT OR REPLACE INTO rate_limits (key, count, reset_at) VALUES (?, 1000000, ?)').run(`register:ip:${address}`, Date.now() + 3_600_000));
  const fresh = `${marker('fresh')}@example.test`;
  const answers = [];
  for (const email of [existing.email, fresh]) {
    const body = new Response(actionBody({ id, path: '/register', fields: { name: 'Prober', email, password: PASSWORD } }));
    const raw = await rawRequest(address, {
      method: 'POST',
      path: '/register',
      headers: { ...sameOriginHeaders(), 'Next-Action': id, Accept: 'text/x-component', 'Content-Type': body.headers.get('content-type')! },
      body: Buffer.from(await body.arrayBuffer()),
    });
    const state = flightState(raw.body);
    answers.push({ status: raw.status, ok: state?.ok, message: state?.message });
  }
  expect(answers[0]).toEqual(answers[1]);
  expect(answers[0]!.message).toBe('Too many new accounts from your network. Try again later.');
  expect(withDb((db) => db.prepare('SELECT count(*) FROM users WHERE email = ?').pluck().get(fresh))).toBe(0);
});
