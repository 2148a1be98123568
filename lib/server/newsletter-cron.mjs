// NEWSLETTER_CRON (e.g. "0 7 * * *", in SITE_TIME_ZONE) schedules the daily digest inside the
// server. Each run is `npm run newsletter:send` in a child process: the SMTP work stays off the
// request thread, and a run that crashes takes nothing else down. `protect` skips a tick while the
// previous run is still going; the sender's own lease guards against a hand-run at the same time.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Cron } from 'croner';

export function scheduleNewsletter(expression = process.env.NEWSLETTER_CRON) {
  if (!expression) return null;
  const timezone = process.env.SITE_TIME_ZONE || 'Europe/Moscow';
  const tsx = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const run = () =>
    new Promise((resolve) => {
      console.log('[newsletter] scheduled digest: starting');
      const child = spawn(process.execPath, [tsx, '--conditions=react-server', 'scripts/newsletter-send.ts'], { stdio: 'inherit', env: process.env });
      child.on('exit', (code) => {
        if (code !== 0) console.error(`[newsletter] scheduled digest exited with status ${code}`);
        resolve(undefined);
      });
    });
  let job;
  try {
    job = new Cron(expression, { timezone, protect: true }, run);
  } catch (error) {
    console.error(`[newsletter] NEWSLETTER_CRON "${expression}" is not a cron expression: ${error.message}`);
    process.exit(1);
  }
  console.log(`[newsletter] digest scheduled "${expression}" (${timezone}); next run ${job.nextRun()?.toISOString()}`);
  return job;
}
