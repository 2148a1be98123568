/**
 * The site under check: the production server as `npm start` (and Playwright's webServer) starts it,
 * on a throwaway store, with a reader and an admin made by `npm run user:create`, a comment of the
 * reader's so the comment markup is on the pages, and the address of every page type.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { get } from '../bench/http';
import { freePort } from '../bench/server';
import { isInterrupted, killGroup, spawnGroup, waitForExit } from '../bench/processes';

export const CHROMIUM = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Account {
  id: number;
  email: string;
  password: string;
  name: string;
}

export interface Site {
  origin: string;
  databaseFile: string;
  logFile: string;
  reader: Account;
  admin: Account;
  stop(): Promise<void>;
}

const tsx = (root: string) => path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** `npm run user:create` against the site's store; returns the account with its id. */
async function createUser(root: string, env: NodeJS.ProcessEnv, role: 'user' | 'admin', name: string): Promise<Account> {
  const account = { email: `${role}-${crypto.randomBytes(4).toString('hex')}@example.test`, password: `budgets ${crypto.randomBytes(8).toString('hex')}`, name };
  const child = spawnGroup(process.execPath, [tsx(root), '--conditions=react-server', 'scripts/user-create.ts', '--email', account.email, '--password', account.password, '--name', name, '--role', role], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const code = await waitForExit(child);
  const id = Number(/#(\d+)/.exec(out)?.[1]);
  if (code !== 0 || !Number.isSafeInteger(id)) throw new Error(`user:create --role ${role} failed (${code}): ${out.trim()}`);
  return { ...account, id };
}

export async function startSite(root: string, log: (m: string) => void): Promise<Site> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-budgets-'));
  const databaseFile = path.join(dir, 'courier.db');
  const port = process.env.BUDGETS_PORT ? Number(process.env.BUDGETS_PORT) : await freePort('127.0.0.1');
  const origin = `http://localhost:${port}`;
  const logFile = path.join(dir, 'server.log');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_FILE: databaseFile,
    PORT: String(port),
    SITE_URL: origin,
    // A throwaway secret keeps the throwaway store's folder the only thing written.
    AUTH_SECRET: process.env.AUTH_SECRET ?? crypto.randomBytes(32).toString('base64url'),
    // The digest is never sent here; without SMTP_URL a confirmation would go to an .eml file.
    MAIL_OUTBOX_DIR: path.join(dir, 'outbox'),
  };
  const out = fs.openSync(logFile, 'w');
  const child = spawnGroup(process.execPath, [tsx(root), '--conditions=react-server', 'scripts/start.ts'], { cwd: root, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  let exited: string | null = null;
  child.once('exit', (code, signal) => (exited = `exited (${signal ?? code})`));
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (exited || isInterrupted()) throw new Error(`the server ${exited ?? 'was interrupted'}; see ${logFile}:\n${fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n')}`);
    try {
      if ((await get(`${origin}/api/health`, {}, 2000)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await killGroup(child);
      throw new Error(`the server did not answer /api/health within 240 s (see ${logFile})`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`server: ${origin} on ${databaseFile}`);
  const reader = await createUser(root, env, 'user', 'Budget Reader');
  const admin = await createUser(root, env, 'admin', 'Budget Admin');
  return {
    origin,
    databaseFile,
    logFile,
    reader,
    admin,
    async stop() {
      await killGroup(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A browser context signed in as the account, through the log-in form. */
export async function signIn(browser: Browser, origin: string, account: Account): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email' }).fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  await page.getByRole('button', { name: 'Log out', exact: true }).waitFor();
  await page.close();
  return context;
}

export interface PageTarget {
  /** Short name used in the tables. */
  name: string;
  path: string;
  /** Which account's session the page is fetched with. */
  as?: 'reader' | 'admin';
  /** The status the page answers with (404 for the not-found page). */
  status?: number;
}

function firstLink(html: string, prefix: string): string {
  const match = new RegExp(`href="(${prefix}[^"#?]+)"`).exec(html);
  if (!match?.[1]) throw new Error(`no link starting with ${prefix} found`);
  return match[1];
}

/**
 * Every page type's address, discovered from the pages themselves: the article is the home page's
 * first article link, its thread and a mention are linked from the article.
 */
export async function discoverPages(site: Site): Promise<PageTarget[]> {
  const home = (await get(`${site.origin}/`)).body.toString('utf8');
  const article = firstLink(home, '/news/');
  const articleHtml = (await get(site.origin + article)).body.toString('utf8');
  const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(articleHtml)?.[1] ?? 'news';
  const word = title.split(/\s+/).find((w) => /^[A-Za-zА-Яа-яЁё]{5,}$/.test(w)) ?? 'news';
  return [
    { name: 'home', path: '/' },
    { name: 'article', path: article },
    { name: 'thread', path: firstLink(articleHtml, '/threads/') },
    { name: 'mention', path: firstLink(articleHtml, '/mentions/') },
    { name: 'search', path: `/search?q=${encodeURIComponent(word)}` },
    { name: 'login', path: '/login' },
    { name: 'register', path: '/register' },
    { name: 'account', path: '/account', as: 'reader' },
    { name: 'admin', path: '/admin', as: 'admin' },
    { name: 'moderation', path: '/moderation' },
    { name: 'profile', path: `/users/${site.reader.id}` },
    { name: '404', path: '/news/999999999-no-such-article', status: 404 },
    { name: 'newsletter', path: '/newsletter/confirmed' },
  ];
}

/** Posts one comment as the reader on the article, so thread, profile and article carry comment markup. */
export async function postComment(context: BrowserContext, articlePath: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(articlePath);
  await page.getByRole('textbox', { name: 'Comment' }).first().fill('A comment for the budget check, with a link: https://example.org/');
  await page.getByRole('button', { name: 'Post comment' }).first().click();
  await page.getByText('A comment for the budget check').first().waitFor();
  await page.close();
}
