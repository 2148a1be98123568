/**
 * Page weight: the gzip size of a page's HTML and of every script the page loads, as this site's server
 * sends them to a client that accepts gzip. Which scripts load is what a real browser (Chromium)
 * requests while opening the page, up to the load event and a short quiet time after it (a chunk loaded
 * on demand counts too; a `noModule` script, which current browsers skip, does not).
 * Used by `npm run check:budgets` and by `npm run bench` (the "page-weight" row).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { get } from '../bench/http';

export interface Script {
  url: string;
  /** Bytes of the body as sent with `Content-Encoding: gzip`. */
  gzip: number;
  /** Bytes once decoded. */
  raw: number;
}

export interface PageWeight {
  path: string;
  htmlGzip: number;
  htmlRaw: number;
  scripts: Script[];
  jsGzip: number;
  jsRaw: number;
}

async function gzipSize(url: string): Promise<{ gzip: number; raw: number }> {
  const zipped = await get(url, { 'accept-encoding': 'gzip' });
  if (zipped.status !== 200 && zipped.status !== 404) throw new Error(`GET ${url}: ${zipped.status}`);
  const plain = await get(url, { 'accept-encoding': 'identity' });
  // The server compresses responses over 1 KB; a smaller one goes as it is, and that is its size.
  return { gzip: zipped.body.length, raw: plain.body.length };
}

/** The scripts a browser loads for the page, in request order (same-origin only: the site has no other). */
export async function loadedScripts(browser: Browser, origin: string, path: string): Promise<string[]> {
  const context = await browser.newContext({ baseURL: origin });
  const page = await context.newPage();
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script' && !urls.includes(request.url())) urls.push(request.url());
  });
  try {
    await page.goto(path, { waitUntil: 'load' });
    // Chunks loaded after hydration (on idle, on visibility) arrive within a moment.
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
  } finally {
    await context.close();
  }
  return urls.filter((u) => u.startsWith(origin));
}

export async function measurePageWeight(browser: Browser, origin: string, path: string): Promise<PageWeight> {
  const html = await gzipSize(origin + path);
  const scripts: Script[] = [];
  for (const url of await loadedScripts(browser, origin, path)) scripts.push({ url: url.slice(origin.length), ...(await gzipSize(url)) });
  return {
    path,
    htmlGzip: html.gzip,
    htmlRaw: html.raw,
    scripts,
    jsGzip: scripts.reduce((sum, s) => sum + s.gzip, 0),
    jsRaw: scripts.reduce((sum, s) => sum + s.raw, 0),
  };
}

/**
 * The scripts Next.js loads on every page whatever the page holds (React DOM, the router, the runtime):
 * `rootMainFiles` of the build's manifest, as paths under /_next/.
 */
export function frameworkScripts(root: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '.next', 'build-manifest.json'), 'utf8')) as { rootMainFiles?: string[] };
  return (manifest.rootMainFiles ?? []).map((file) => `/_next/${file}`);
}

/** A page's script bytes split into the framework's share and ours. */
export function splitScripts(weight: PageWeight, framework: string[]): { framework: number; ours: number } {
  const share = weight.scripts.filter((s) => framework.includes(s.url.split('?')[0] ?? '')).reduce((sum, s) => sum + s.gzip, 0);
  return { framework: share, ours: weight.jsGzip - share };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
