import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { ARTICLE_TITLE } from './support/capture';
import { withDb } from './support/db';
import { logIn, newUser, register } from './support/users';

test('register, log out, log in: the reader lands back on the article', async ({ page }) => {
  const user = newUser();
  await page.goto('/');
  await page.getByRole('link', { name: ARTICLE_TITLE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE_TITLE);
  const articleUrl = page.url();
  await page.locator('main').getByRole('link', { name: 'Register' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill(user.name);
  await page.getByRole('textbox', { name: 'Email' }).fill(user.email.toUpperCase());
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page).toHaveURL(articleUrl);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByText(user.name)).toBeVisible();
  await expect(page.getByText('Do you want to leave a comment?')).toHaveCount(0);

  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  await page.goto(articleUrl);
  await page.locator('main').getByRole('link', { name: 'Log in' }).click();
  await logIn(page, user.email, user.password);
  await expect(page).toHaveURL(articleUrl);
  await expect(page.getByRole('button', { name: 'Log out', exact: true })).toBeVisible();
});

test('a wrong password and an unknown e-mail get the same answer', async ({ page, request }) => {
  const user = newUser();
  await register(page, user);
  const answers = [];
  for (const email of [user.email, `nobody-${Date.now()}@example.test`]) {
    const response = await request.post('/api/auth/login', { form: { email, password: 'not the password at all', callbackUrl: '/' }, maxRedirects: 0, headers: { Origin: new URL(page.url()).origin } });
    answers.push({ status: response.status(), location: response.headers().location });
  }
  expect(answers[0]).toEqual(answers[1]);
  expect(answers[0]!.status).toBe(303);
  const fresh = await page.context().browser()!.newPage();
  await fresh.goto('/login');
  await logIn(fresh, user.email, 'not the password at all');
  await expect(fresh.locator('main').getByRole('alert')).toHaveText('The e-mail or password is not right.');
});

test('the 6th bad password in a row is throttled; the right one works after the window', async ({ browser }) => {
  test.setTimeout(90_000);
  const user = newUser('throttle');
  const context = await browser.newContext();
  const page = await context.newPage();
  await register(page, user);
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  for (let i = 0; i < 5; i++) {
    await page.goto('/login');
    await logIn(page, user.email, `wrong password ${i}`);
    await expect(page.locator('main').getByRole('alert')).toHaveText('The e-mail or password is not right.');
  }
  await page.goto('/login');
  const throttled = page.waitForResponse((r) => r.url().endsWith('/api/auth/login'));
  await logIn(page, user.email, user.password);
  const response = await throttled;
  expect(response.status()).toBe(429);
  expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
  await expect(page.locator('main').getByRole('alert')).toContainText('Too many failed attempts');

  await page.waitForTimeout(20_500); // the test server's window (AUTH_THROTTLE_WINDOW_MS)
  await page.goto('/login');
  await logIn(page, user.email, user.password);
  await expect(page.getByRole('button', { name: 'Log out', exact: true })).toBeVisible();
  await context.close();
});

test('a ban, a deletion and a password change end sessions at the next request', async ({ browser }) => {
  const [a, b] = [newUser('ban'), newUser('pw')];
  const ctxA = await browser.newContext();
  const pageA = await ctxA.newPage();
  await register(pageA, a);
  withDb((db) => db.prepare('UPDATE users SET banned_until = ? WHERE email = ?').run(Date.now() + 3_600_000, a.email));
  await pageA.goto('/');
  await expect(pageA.getByRole('button', { name: 'Log out', exact: true })).toHaveCount(0);
  await expect(pageA.getByRole('link', { name: 'Log in' }).first()).toBeVisible();

  // Password change: this browser stays in, the other one is out.
  const ctx1 = await browser.newContext();
  const ctx2 = await browser.newContext();
  const p1 = await ctx1.newPage();
  const p2 = await ctx2.newPage();
  await register(p1, b);
  await p2.goto('/login');
  await logIn(p2, b.email, b.password);
  await expect(p2.getByRole('button', { name: 'Log out', exact: true })).toBeVisible();
  await p1.goto('/account');
  await p1.getByLabel('Current password').fill(b.password);
  await p1.getByLabel('New password').fill(`${b.password} renewed`);
  await p1.getByRole('button', { name: 'Change password' }).click();
  await expect(p1.getByText('Your password is changed.')).toBeVisible();
  await p2.goto('/');
  await expect(p2.getByRole('button', { name: 'Log out', exact: true })).toHaveCount(0);
  await p1.goto('/');
  await expect(p1.getByRole('button', { name: 'Log out', exact: true })).toBeVisible();

  // Deleting the account: out at once, and the old cookie replayed later is refused.
  const cookies = await ctx1.cookies();
  await p1.goto('/account');
  await p1.getByLabel('Type DELETE to confirm').fill('DELETE');
  await p1.getByRole('button', { name: 'Delete my account' }).click();
  await expect(p1.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const rp = await replay.newPage();
  await rp.goto('/account');
  await expect(rp).toHaveURL(/\/login/);
  for (const c of [ctxA, ctx1, ctx2, replay]) await c.close();
});

test('a cookie replayed after log-out, a tampered token and an off-site callbackUrl are refused', async ({ browser, page }) => {
  const user = newUser('replay');
  await register(page, user);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.endsWith('authjs.session-token'))!;
  expect(session.httpOnly).toBe(true);
  expect(session.sameSite).toBe('Lax');
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();

  // The very cookie the browser held, replayed after log-out, and forged ones: all refused.
  for (const value of [session.value, session.value.slice(0, -4) + 'AAAA', 'eyJhbGciOiJub25lIn0.eyJ1aWQiOjEsInN2IjoxfQ.']) {
    const ctx = await browser.newContext();
    await ctx.addCookies([{ ...session, value }]);
    const p = await ctx.newPage();
    await p.goto('/account');
    await expect(p).toHaveURL(/\/login/);
    await ctx.close();
  }

  await page.goto('/login?callbackUrl=https://evil.example/steal');
  await logIn(page, user.email, user.password);
  await expect(page.getByRole('button', { name: 'Log out', exact: true })).toBeVisible();
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
});

test('password rules: common and short ones are refused with a reason; a Unicode passphrase works', async ({ page }) => {
  const user = newUser('rules');
  await page.goto('/register');
  await page.getByRole('textbox', { name: 'Name' }).fill(user.name);
  await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill('password1');
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.locator('main').getByRole('alert')).toContainText('one of the most common');
  await page.getByLabel('Password', { exact: true }).fill('abcdefg');
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.locator('main').getByRole('alert')).toHaveText('A password needs at least 8 characters.');
  const passphrase = 'Пусть всегда будет солнце, пусть всегда будет небо — 🌞🌤️ ok!!';
  expect([...passphrase].length).toBeGreaterThanOrEqual(60);
  await page.getByLabel('Password', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Register' }).click();
  await expect(page.getByRole('button', { name: 'Log out', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  await page.goto('/login');
  await logIn(page, user.email, passphrase);
  await expect(page.getByRole('button', { name: 'Log out', exact: true })).toBeVisible();
});

/** The script-src directive of a Content-Security-Policy header ('' when there is none). */
const scriptSrcOf = (csp: string | undefined) => (csp ?? '').split(';').find((d) => d.trim().startsWith('script-src')) ?? '';

test('the article page carries a script CSP without unsafe-inline, and its scripts still run', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto('/');
  const link = page.getByRole('link', { name: ARTICLE_TITLE });
  const response = await page.goto((await link.getAttribute('href'))!);
  const headers = response!.headers();
  const csp = headers['content-security-policy'] ?? '';
  const scriptSrc = scriptSrcOf(csp);
  expect(scriptSrc).toContain("'sha256-");
  expect(scriptSrc).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // Hydrated under that policy: Update is a working button.
  const sidebar = page.getByRole('complementary', { name: 'Discussion' });
  await sidebar.getByRole('button', { name: 'Update' }).click();
  await expect(sidebar.getByRole('status')).toHaveText('The discussion is up to date.');
  expect(violations).toEqual([]);
});

test('signed-in pages, streamed per request, carry the same script CSP and still run', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await register(page, newUser('csp'));
  for (const url of ['/', '/account', '/news/999999-nothing']) {
    const response = await page.goto(url);
    const scriptSrc = scriptSrcOf(response!.headers()['content-security-policy']);
    expect(scriptSrc, url).toContain("'sha256-");
    expect(scriptSrc, url).not.toContain('unsafe-inline');
  }
  await page.goto('/');
  const href = await page.getByRole('link', { name: ARTICLE_TITLE }).getAttribute('href');
  await page.goto(href!, { waitUntil: 'load' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ARTICLE_TITLE);
  // Hydrated under that policy: Update is a working button (it answers in its status line).
  const sidebar = page.getByRole('complementary', { name: 'Discussion' });
  await expect(async () => {
    await sidebar.getByRole('button', { name: 'Update' }).click();
    await expect(sidebar.getByRole('status')).toHaveText('The discussion is up to date.', { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  expect(violations).toEqual([]);
});

test('log-in, register and account pages have no serious accessibility violations', async ({ page }) => {
  for (const url of ['/login', '/register']) {
    await page.goto(url);
    const r = await new AxeBuilder({ page }).analyze();
    expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id), url).toEqual([]);
  }
  await register(page, newUser('a11y'));
  await page.goto('/account');
  const r = await new AxeBuilder({ page }).analyze();
  expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
