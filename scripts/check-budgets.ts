/**
 * `npm run check:budgets [-- --runs 3 --presets desktop,mobile]`
 *
 * Page weight and markup, checked against the production build (run `next build` first; start.ts
 * builds when there is none): starts the server as `npm start` does on a throwaway store, makes a
 * reader and an admin with `npm run user:create`, posts one comment, then
 *  - Lighthouse on the home and article pages (median of `--runs` runs per preset),
 *  - the gzip size of the article page's HTML and of the scripts it loads,
 *  - the Nu HTML checker on every page type,
 * prints a table of figures and exits 1 when a figure misses its limit (targets.ts), 2 on bad options.
 * The figures are also written to reports/budgets.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { closeConnections, get } from './bench/http';
import { installSignalHandlers, killAll } from './bench/processes';
import { runLighthouse, CATEGORIES, type LighthouseFigures } from './budgets/lighthouse';
import { discoverPages, launchBrowser, postComment, signIn, startSite, type Site } from './budgets/site';
import { ARTICLE_APP_JS_LIMIT, LIGHTHOUSE_PRESETS, LIGHTHOUSE_TARGETS, VNU_FILTERS, WEIGHT_TARGETS, type LighthousePreset } from './budgets/targets';
import { checkHtml, type VnuPage } from './budgets/vnu';
import { frameworkScripts, kb, measurePageWeight, splitScripts, type PageWeight } from './budgets/weight';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (m: string) => console.log(`[budgets] ${m}`);

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { runs: { type: 'string', default: '3' }, presets: { type: 'string', default: 'desktop,mobile' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log('usage: npm run check:budgets [-- --runs N (default 3) --presets desktop,mobile]');
    process.exit(0);
  }
  const runs = Number(values.runs);
  const presets = String(values.presets)
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (!Number.isInteger(runs) || runs < 1 || runs > 9 || presets.some((p) => !(p in LIGHTHOUSE_PRESETS))) {
    console.error('check:budgets: --runs is 1–9; --presets is a list of desktop, mobile');
    process.exit(2);
  }
  return { runs, presets: presets as LighthousePreset[] };
}

type Check = { what: string; figure: string; limit: string; ok: boolean; note?: string };

function render(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}

function lighthouseChecks(figures: LighthouseFigures[]): Check[] {
  const checks: Check[] = [];
  for (const f of figures) {
    for (const c of CATEGORIES) {
      const enforced = (LIGHTHOUSE_PRESETS[f.preset].enforced as readonly string[]).includes(c);
      const target = LIGHTHOUSE_TARGETS[c];
      const ok = c === 'accessibility' ? f.scores[c] === target : f.scores[c] >= target;
      checks.push({
        what: `lighthouse ${f.preset} ${f.page} ${c}`,
        figure: String(f.scores[c]),
        limit: `${c === 'accessibility' ? '=' : '≥'} ${target}${enforced ? '' : ' (reported)'}`,
        ok: ok || !enforced,
        note: ok ? undefined : 'below target',
      });
    }
  }
  return checks;
}

async function main(): Promise<number> {
  const started = performance.now();
  installSignalHandlers();
  const opts = options();
  let site: Site | null = null;
  const browser = await launchBrowser();
  try {
    site = await startSite(root, log);
    const pages = await discoverPages(site);
    const article = pages.find((p) => p.name === 'article')!;
    const reader = await signIn(browser, site.origin, site.reader);
    const admin = await signIn(browser, site.origin, site.admin);
    await postComment(reader, article.path);
    log(`pages: ${pages.map((p) => `${p.name} ${p.path}`).join(', ')}`);

    // Markup first (cheap, and warms every page's cache), then weight, then Lighthouse.
    const documents = new Map<string, string>();
    const statusProblems: string[] = [];
    for (const page of pages) {
      const context = page.as === 'reader' ? reader : page.as === 'admin' ? admin : null;
      const res = context ? await context.request.get(site.origin + page.path, { maxRedirects: 0 }) : null;
      const status = res ? res.status() : (await get(site.origin + page.path)).status;
      const html = res ? await res.text() : (await get(site.origin + page.path)).body.toString('utf8');
      if (status !== (page.status ?? 200)) statusProblems.push(`${page.name} ${page.path} answered ${status}`);
      documents.set(page.name, html);
    }
    const vnuStarted = performance.now();
    const vnu = await checkHtml(documents);
    const vnuSeconds = (performance.now() - vnuStarted) / 1000;

    const weights: PageWeight[] = [];
    for (const page of pages.filter((p) => p.name === 'article' || p.name === 'home')) {
      weights.push(await measurePageWeight(browser, site.origin, page.path));
    }
    const articleWeight = weights.find((w) => w.path === article.path)!;
    const split = splitScripts(articleWeight, frameworkScripts(root));

    const lhStarted = performance.now();
    const lighthouse = await runLighthouse(site.origin, pages.filter((p) => p.name === 'home' || p.name === 'article'), opts.presets, opts.runs, log);
    const lhSeconds = (performance.now() - lhStarted) / 1000;

    // Figures.
    const checks: Check[] = [
      ...lighthouseChecks(lighthouse),
      {
        what: 'article HTML (gzip)',
        figure: kb(articleWeight.htmlGzip),
        limit: `≤ ${kb(WEIGHT_TARGETS.articleHtml)}`,
        ok: articleWeight.htmlGzip <= WEIGHT_TARGETS.articleHtml,
      },
      {
        what: `article JS (gzip, ${articleWeight.scripts.length} scripts)`,
        figure: kb(articleWeight.jsGzip),
        limit: `target ≤ ${kb(WEIGHT_TARGETS.articleJs)} (reported)`,
        ok: true,
        note:
          articleWeight.jsGzip > WEIGHT_TARGETS.articleJs
            ? `over by ${kb(articleWeight.jsGzip - WEIGHT_TARGETS.articleJs)}: Next.js's own scripts (rootMainFiles) are ${kb(split.framework)} of it`
            : undefined,
      },
      {
        what: 'article JS beyond Next.js (gzip)',
        figure: kb(split.ours),
        limit: `≤ ${kb(ARTICLE_APP_JS_LIMIT)}`,
        ok: split.ours <= ARTICLE_APP_JS_LIMIT,
      },
      ...vnu.map((v) => ({
        what: `Nu HTML checker: ${v.page}`,
        figure: `${v.errors.length} errors, ${v.warnings.length} warnings`,
        limit: '0, 0',
        ok: v.errors.length === 0 && v.warnings.length === 0,
        note: [v.filtered.length ? `${v.filtered.length} filtered` : '', v.info ? `${v.info} info` : ''].filter(Boolean).join(', ') || undefined,
      })),
      ...statusProblems.map((p) => ({ what: 'page status', figure: p, limit: 'as expected', ok: false })),
    ];

    console.log('\nLighthouse (median of runs; metrics of the median run)\n');
    console.log(
      render([
        ['preset', 'page', 'perf', 'a11y', 'best', 'runs (perf/a11y/best)', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'SI ms', 'CPU index'],
        ...lighthouse.map((f) => [
          f.preset,
          f.page,
          String(f.scores.performance),
          String(f.scores.accessibility),
          String(f.scores['best-practices']),
          f.all.map((s) => `${s.performance}/${s.accessibility}/${s['best-practices']}`).join(' '),
          String(f.metrics.fcpMs),
          String(f.metrics.lcpMs),
          String(f.metrics.tbtMs),
          String(f.metrics.cls),
          String(f.metrics.siMs),
          String(f.benchmarkIndex),
        ]),
      ]),
    );
    for (const f of lighthouse) if (f.failing.length) console.log(`  ${f.preset} ${f.page}: ${f.failing.join('; ')}`);

    console.log('\nPage weight (gzip bytes as the server sends them)\n');
    console.log(
      render([
        ['page', 'HTML gzip', 'HTML raw', 'JS gzip', 'JS raw', 'scripts'],
        ...weights.map((w) => [w.path.length > 40 ? `${w.path.slice(0, 39)}…` : w.path, kb(w.htmlGzip), kb(w.htmlRaw), kb(w.jsGzip), kb(w.jsRaw), String(w.scripts.length)]),
      ]),
    );
    console.log(`  article scripts: ${articleWeight.scripts.map((s) => `${path.basename(s.url)} ${kb(s.gzip)}`).join(', ')}`);

    console.log('\nNu HTML checker (errors and warnings fail; info is counted)\n');
    for (const v of vnu) {
      for (const m of [...v.errors, ...v.warnings]) console.log(`  ${v.page}: ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message} [${(m.extract ?? '').slice(0, 120)}]`);
    }
    for (const v of vnu) for (const f of v.filtered) console.log(`  ${v.page}: filtered: ${f.message}`);
    console.log(`  filters (targets.ts):\n${VNU_FILTERS.map((f) => `    ${f.pattern}${f.pages ? ` on ${f.pages.join(', ')}` : ''}: ${f.reason}`).join('\n')}`);

    console.log('\nBudgets\n');
    console.log(render([['', 'check', 'figure', 'limit', 'note'], ...checks.map((c) => [c.ok ? 'ok' : 'FAIL', c.what, c.figure, c.limit, c.note ?? ''])]));
    const failed = checks.filter((c) => !c.ok);
    const seconds = (performance.now() - started) / 1000;
    console.log(`\n${checks.length - failed.length} passed, ${failed.length} failed (${seconds.toFixed(0)} s: Lighthouse ${lhSeconds.toFixed(0)} s, Nu checker ${vnuSeconds.toFixed(0)} s)`);

    fs.mkdirSync(path.join(root, 'reports'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'reports', 'budgets.json'),
      `${JSON.stringify({ passed: checks.length - failed.length, failed: failed.length, seconds, checks, lighthouse, weights, articleJs: split, vnu: vnu satisfies VnuPage[] }, null, 2)}\n`,
    );
    return failed.length > 0 ? 1 : 0;
  } catch (err) {
    console.error(`check:budgets: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    if (site) console.error(`last lines of the server log:\n${fs.readFileSync(site.logFile, 'utf8').split('\n').slice(-20).join('\n')}`);
    return 1;
  } finally {
    await browser.close();
    closeConnections();
    if (site) await site.stop();
    await killAll();
  }
}

process.exit(await main());
