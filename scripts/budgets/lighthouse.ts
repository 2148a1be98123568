/**
 * Lighthouse (npm `lighthouse`, programmatic API) against the running site, in Debian's Chromium
 * (`CHROME_PATH`, default /usr/bin/chromium) launched by chrome-launcher with `--headless=new
 * --no-sandbox`. Each page and preset runs `runs` times in a fresh tab (Lighthouse resets storage and
 * cache per run); each category's score is the median of the runs, and the metrics shown are those of
 * the run whose performance score is the median.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse';
import { CHROMIUM } from './site';
import type { LighthouseCategory, LighthousePreset } from './targets';

export const CATEGORIES: LighthouseCategory[] = ['performance', 'accessibility', 'best-practices'];

export interface LighthouseFigures {
  page: string;
  path: string;
  preset: LighthousePreset;
  runs: number;
  /** Median score per category, 0–100. */
  scores: Record<LighthouseCategory, number>;
  /** Every run's scores, for the noise. */
  all: Array<Record<LighthouseCategory, number>>;
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; siMs: number };
  /** Audits below full marks in the enforced categories (of the median run), for the reader of a failure. */
  failing: string[];
  /** Lighthouse's CPU benchmark of this machine in the median run (lower: a slower or busier machine). */
  benchmarkIndex: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};

function score(lhr: Result, category: LighthouseCategory): number {
  return Math.round((lhr.categories[category]?.score ?? 0) * 100);
}

function failingAudits(lhr: Result): string[] {
  const out: string[] = [];
  for (const category of ['accessibility', 'best-practices', 'performance'] as const) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
      if (audit.scoreDisplayMode !== 'binary' && audit.scoreDisplayMode !== 'numeric' && audit.scoreDisplayMode !== 'metricSavings') continue;
      out.push(`${category}/${audit.id} ${audit.score}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
    }
  }
  return out;
}

export async function runLighthouse(
  origin: string,
  pages: Array<{ name: string; path: string }>,
  presets: LighthousePreset[],
  runs: number,
  log: (m: string) => void,
): Promise<LighthouseFigures[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    logLevel: 'silent',
  });
  const results: LighthouseFigures[] = [];
  try {
    for (const preset of presets) {
      for (const page of pages) {
        const lhrs: Result[] = [];
        for (let i = 0; i < runs; i++) {
          const flags: Flags = { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: CATEGORIES };
          const config: Config | undefined = preset === 'desktop' ? desktopConfig : undefined;
          const result = await lighthouse(origin + page.path, flags, config);
          if (!result) throw new Error(`lighthouse gave no result for ${page.path}`);
          if (result.lhr.runtimeError) throw new Error(`lighthouse ${page.path}: ${result.lhr.runtimeError.code} ${result.lhr.runtimeError.message}`);
          lhrs.push(result.lhr);
          log(`lighthouse ${preset} ${page.name} run ${i + 1}/${runs}: ${CATEGORIES.map((c) => `${c} ${score(result.lhr, c)}`).join(', ')}`);
        }
        const all = lhrs.map((lhr) => Object.fromEntries(CATEGORIES.map((c) => [c, score(lhr, c)])) as Record<LighthouseCategory, number>);
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(all.map((s) => s[c]))])) as Record<LighthouseCategory, number>;
        const medianRun = lhrs.find((lhr) => score(lhr, 'performance') === scores.performance) ?? (lhrs[0] as Result);
        const metric = (id: string) => Math.round((medianRun.audits[id]?.numericValue ?? NaN) * 1000) / 1000;
        results.push({
          page: page.name,
          path: page.path,
          preset,
          runs,
          scores,
          all,
          metrics: {
            fcpMs: Math.round(metric('first-contentful-paint')),
            lcpMs: Math.round(metric('largest-contentful-paint')),
            tbtMs: Math.round(metric('total-blocking-time')),
            cls: metric('cumulative-layout-shift'),
            siMs: Math.round(metric('speed-index')),
          },
          failing: failingAudits(medianRun),
          benchmarkIndex: Math.round(medianRun.environment.benchmarkIndex),
        });
      }
    }
  } finally {
    chrome.kill();
  }
  return results;
}
