/**
 * npm run newsletter:send [-- --date YYYY-MM-DD]
 *
 * Sends the day's digest (default: today in SITE_TIME_ZONE) to every confirmed subscriber it has
 * not reached yet, through SMTP_URL, or into .eml files when SMTP_URL is unset. Safe to re-run.
 * Exit status: 0 when the run completed (failed addresses are recorded and listed), 1 when it
 * could not run at all.
 */
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { openDb } from '../db/open';
import { digestFailures } from '../db/queries/newsletter';
import { daySchema } from '../lib/newsletter/day';
import { createMailer } from '../lib/newsletter/mailer';
import { DigestError, sendDigest } from '../lib/newsletter/send';
import { ensureSecrets } from './secrets';

const HELP = `Usage: npm run newsletter:send [-- --date YYYY-MM-DD]

Sends the daily digest to confirmed subscribers. Without SMTP_URL the messages are written as
.eml files (MAIL_OUTBOX_DIR, default: an "outbox" folder beside the database).`;

async function main(): Promise<number> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { date: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  let day: string | undefined;
  if (values.date !== undefined) {
    const parsed = daySchema.safeParse(values.date);
    if (!parsed.success) {
      console.error(`--date ${values.date}: ${parsed.error.issues[0]?.message}`);
      return 1;
    }
    day = parsed.data;
  }

  ensureSecrets(); // the unsubscribe links are signed with the server's secret
  const db = openDb();
  const mailer = createMailer();
  let bar: cliProgress.SingleBar | null = null;
  try {
    const report = await sendDigest({
      db,
      mailer,
      day,
      onStart: (total) => {
        if (process.stdout.isTTY && total > 1) {
          bar = new cliProgress.SingleBar({ clearOnComplete: true, format: 'sending [{bar}] {value}/{total} · {eta_formatted} left' }, cliProgress.Presets.shades_classic);
          bar.start(total, 0);
        }
      },
      onProgress: (done) => bar?.update(done),
    });
    (bar as cliProgress.SingleBar | null)?.stop();
    if (report.empty) {
      console.log(`digest ${report.date}: there are no articles yet, nothing to send`);
      return 0;
    }
    const where = process.env.SMTP_URL ? `via ${report.destination}` : `written as .eml files to ${report.destination} (set SMTP_URL to send for real)`;
    console.log(
      `digest ${report.date}: sent ${report.sent}, failed ${report.failed}, already sent earlier ${report.alreadySent}` +
        (report.interrupted > 0 ? `, left by an interrupted run ${report.interrupted} (not resent)` : '') +
        `; ${where}`,
    );
    if (report.failed > 0) {
      const failures = digestFailures(db, report.date, 20);
      for (const f of failures) console.error(`  failed: ${f.email}: ${f.error}`);
      console.error('Failed addresses are recorded; a re-run for the same day tries them again.');
    }
    return 0;
  } catch (error) {
    (bar as cliProgress.SingleBar | null)?.stop();
    if (error instanceof DigestError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    mailer.close();
    db.$client.close();
  }
}

process.exitCode = await main();
