import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

let n = 0;

/** A unique reader per test, so tests never share an account or its throttle. */
export function newUser(prefix = 'reader') {
  n += 1;
  const id = `${prefix}-${Date.now().toString(36)}-${process.pid}-${n}`;
  return { name: `Reader ${id}`.slice(0, 50), email: `${id}@example.test`, password: `a long passphrase ${id}` };
}

export async function register(page: Page, user: { name: string; email: string; password: string }) {
  await page.goto('/register');
  await page.getByRole('textbox', { name: 'Name' }).fill(user.name);
  await page.getByRole('textbox', { name: 'Email' }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Register' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/register'));
  await page.waitForLoadState('load');
  await expect(page.getByRole('button', { name: 'Log out', exact: true })).toBeVisible();
}

export async function logIn(page: Page, email: string, password: string) {
  // The home and article pages have an Email field of their own (the subscribe box): be on /login first.
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}
