/**
 * `npm run bench [-- --articles 100000 --comments 1000000 --duration 10 --connections 50 --soak 300 …]`
 * (`npm run bench -- --help` lists every option and measurement.)
 *
 * One run: generates (or reuses) the synthetic corpus in `.bench/`, builds when the production build
 * is older than the sources, prepares the bench users and articles in the store
 * (scripts/bench/fixtures.ts), serves it as `npm start` does (scripts/serve.mjs) on a loopback port
 * against the corpus, warms the page cache with a realistic set of articles (timing the cold
 * renders), runs the measurements of scripts/bench/measurements.ts (or the soak), prints a table and
 * a `BENCH_JSON {…}` line (also `.bench/last.json`), and shuts everything down. It prints figures; it
 * never fails on them.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, staleBuildReason } from './bench/build';
import { ensureCorpus, pickArticles } from './bench/corpus';
import { closeConnections } from './bench/http';
import { prepareFixtures } from './bench/fixtures';
import { measurements } from './bench/measurements';
import { readOptions, selectMeasurements } from './bench/options';
import { newestProfile, summarizeProfile } from './bench/profile';
import { installSignalHandlers, isInterrupted, killAll } from './bench/processes';
import { compareToBaseline, summary, table, writeJson, type Report } from './bench/report';
import { startServer, type RunningServer } from './bench/server';
import { mb } from './bench/stats';
import type { BenchContext, Row } from './bench/types';
import { commentInterval } from './bench/writers';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = (message: string) => console.log(`[bench] ${message}`);
const seconds = (since: number) => (performance.now() - since) / 1000;

async function main(): Promise<number> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  installSignalHandlers();
  const options = readOptions(process.argv.slice(2), measurements);
  const selected = selectMeasurements(measurements, options);
  // Children get no telemetry (no outbound network) and the production mode.
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' };
  process.env.NEXT_TELEMETRY_DISABLED = '1';

  let server: RunningServer | null = null;
  try {
    const corpus = await ensureCorpus(root, { articles: options.articles, comments: options.comments, seed: options.seed }, log);

    const buildStarted = performance.now();
    const reason = options.rebuild ? '--rebuild' : staleBuildReason(root);
    if (reason) {
      log(`build: ${reason}; running next build`);
      // The corpus as the store, so a build that opens one never creates data/ in the tree.
      await build(root, { ...env, DATABASE_FILE: corpus.file });
      log(`build: done in ${seconds(buildStarted).toFixed(1)} s`);
    } else {
      log('build: .next/BUILD_ID is newer than the sources; reusing it');
    }
    const buildSeconds = reason ? seconds(buildStarted) : 0;

    const fixtures = await prepareFixtures(corpus.file, { writers: options.writers }, log);
    const articles = pickArticles(corpus.file, options.urls);
    log(`articles: ${articles.length} addresses picked from the corpus`);

    const serverStarted = performance.now();
    const profileDir = options.profile ? path.join(root, '.bench', 'profiles', startedAt.replace(/[:.]/g, '-')) : undefined;
    const serverEnv = {
      // Every bench client comes from 127.0.0.1: the per-address cap of live streams (20) would
      // refuse all but 20 of them. The global cap (LIVE_MAX_STREAMS, 5 000) stays as it is.
      LIVE_MAX_STREAMS_PER_IP: '100000',
      // Each writer posts every --post-every ms; the server's per-author interval is half of that.
      COMMENT_INTERVAL_MS: String(commentInterval(options.postEvery)),
    };
    server = await startServer(root, corpus.file, log, { port: options.port, profileDir, env: serverEnv });
    const readySeconds = seconds(serverStarted);
    const rssStart = server.rss();
    log(`server: serving process pid ${server.pid}, RSS ${mb(rssStart) ?? '?'} MB`);

    const ctx: BenchContext = {
      options,
      root,
      server,
      corpus: { file: corpus.file, articles: corpus.articles, comments: corpus.comments },
      articles,
      fixtures,
      walFile: `${corpus.file}-wal`,
      shared: new Map(),
      sections: [],
      windows: [],
      log,
      startSpareServer: (name) =>
        startServer(root, corpus.file, log, { port: options.port === undefined ? undefined : options.port + 1, env: serverEnv, logName: `server-${name}.log` }),
      get aborted() {
        return isInterrupted();
      },
    };

    const loadAvgStart = os.loadavg().map((v) => Math.round(v * 100) / 100);
    const rows: Row[] = [];
    const failures: Record<string, string> = {};
    const rssAfter: Record<string, number | null> = {};
    for (const measurement of selected) {
      if (isInterrupted()) break;
      try {
        rows.push(...(await measurement.run(ctx)));
      } catch (err) {
        failures[measurement.name] = err instanceof Error ? err.message : String(err);
        log(`${measurement.name}: failed: ${failures[measurement.name]}`);
      }
      rssAfter[measurement.name] = mb(server.rss());
    }
    compareToBaseline(rows);

    const report: Report = {
      version: 1,
      startedAt,
      totalSeconds: 0,
      machine: {
        cpus: os.cpus().length,
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        loadAvgStart,
        loadAvgEnd: os.loadavg().map((v) => Math.round(v * 100) / 100),
      },
      options: { ...options },
      corpus: {
        file: path.relative(root, corpus.file),
        articles: corpus.articles,
        comments: corpus.comments,
        seed: corpus.seed,
        reused: corpus.reused,
        generationSeconds: Math.round(corpus.seconds * 10) / 10,
        generatedAt: corpus.generatedAt,
      },
      build: { built: reason !== null, reason, seconds: Math.round(buildSeconds * 10) / 10 },
      server: {
        command: server.command,
        origin: server.origin,
        pid: server.pid,
        readySeconds: Math.round(readySeconds * 10) / 10,
        rssStartMB: mb(rssStart),
        rssEndMB: mb(server.rss()),
        peakRssMB: mb(server.peakRss()),
        rssAfterMB: rssAfter,
        errorLogLines: server.errorLines().length,
      },
      fixtures: {
        users: 2 + fixtures.writers.length,
        writeArticles: fixtures.writeArticles.map((a) => a.path),
        thousand: { path: fixtures.thousand.path, comments: fixtures.thousand.comments, origin: fixtures.thousand.origin },
      },
      articles: {
        count: articles.length,
        hot: articles.filter((a) => a.why === 'hot').length,
        new: articles.filter((a) => a.why === 'new').length,
        spread: articles.filter((a) => a.why === 'spread').length,
      },
      rows,
      failures,
    };
    report.totalSeconds = Math.round(seconds(started) * 10) / 10;

    const errors = server.errorLines();
    // The profile is written when the server exits: stop it first (not with --keep).
    if (profileDir && !options.keep) {
      log('profile: stopping the server so that it writes its CPU profile');
      await server.stop();
      const file = newestProfile(profileDir);
      ctx.sections.push(file ? summarizeProfile(file, ctx.windows) : `no CPU profile was written in ${profileDir}`);
    }
    report.sections = ctx.sections;
    console.log(`\n${table(rows)}\n`);
    for (const section of ctx.sections) console.log(`${section}\n`);
    console.log(`${summary(report)}\n`);
    if (errors.length > 0) console.log(`server log errors (first 5 of ${errors.length}):\n${errors.slice(0, 5).join('\n')}\n`);
    writeJson(root, report);

    if (options.keep && !isInterrupted()) {
      log(`--keep: the server stays up on ${server.origin} (pid ${server.pid}); Ctrl-C to stop it`);
      await new Promise<never>(() => {});
    }
    return 0;
  } catch (err) {
    if (isInterrupted()) return 130;
    console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    closeConnections();
    if (server) await server.stop();
    await killAll();
  }
}

process.exit(await main());
