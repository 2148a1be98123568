import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// One throwaway store per run. Set once here, in the runner; workers inherit it through the env.
process.env.E2E_DATABASE_FILE ??= path.join(os.tmpdir(), `courier-e2e-${Date.now()}-${process.pid}`, 'courier.db');
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: true,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // Generous: axe over a long page takes seconds on a busy 2-core machine.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    // The capture as a fresh install shows it, before any other test has counted a view.
    { name: 'fresh-install', testMatch: /fresh-install\.spec\.ts/, use: { ...devices['Desktop Chrome'] } },
    { name: 'chromium', testIgnore: [/(fresh-install|durability)\.spec\.ts/, /[\\/]security[\\/]/], dependencies: ['fresh-install'], use: { ...devices['Desktop Chrome'] } },
    // Direct HTTP against the production build (`npm run test:security`; part of every full run).
    { name: 'security', testMatch: /[\\/]security[\\/].*\.spec\.ts/, dependencies: ['fresh-install'] },
    // Starts, SIGKILLs and restarts a production server of its own on its own store; it loads the
    // machine, so it runs alone, after the others. Alone: `npx playwright test --project=durability --no-deps`.
    { name: 'durability', testMatch: /durability\.spec\.ts/, dependencies: ['chromium', 'security'] },
  ],
  webServer: {
    command: 'npx tsx --conditions=react-server scripts/start.ts',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      DATABASE_FILE: process.env.E2E_DATABASE_FILE,
      PORT: String(port),
      SITE_URL: baseURL,
      VIEWS_FLUSH_MS: '200',
      AUTH_THROTTLE_WINDOW_MS: '20000',
      // Long enough that a second post straight after the first is refused even on a busy machine.
      COMMENT_INTERVAL_MS: '5000',
      // Every test registers its own readers from 127.0.0.1: more than a real network would.
      REGISTRATIONS_PER_ADDRESS: '1000',
      SUBSCRIPTIONS_PER_ADDRESS: '1000',
      // e2e/newsletter.spec.ts runs a real SMTP server here while it needs one.
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT ?? port + 1}`,
      NODE_ENV: 'production',
    },
  },
});
