/**
 * The digest's send rate: 10 000 confirmed subscribers on a throwaway store, one real SMTP server on
 * loopback (smtp-server, messages received in full but not parsed), `sendDigest` as the CLI runs it.
 * Needs no web server: it measures the sender, the store's bookkeeping and nodemailer's pool.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../../db/open';
import { createMailer } from '../../lib/newsletter/mailer';
import { sendDigest } from '../../lib/newsletter/send';
import { startSmtpSink } from '../../tests/support/smtp-sink';
import type { Measurement, Row } from './types';

export async function digestSendRate(subscribers = 10_000): Promise<Row> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-bench-digest-'));
  process.env.AUTH_SECRET ??= 'bench-secret';
  const db = openDb(path.join(dir, 'digest.db'));
  const smtp = await startSmtpSink({ parse: false });
  const mailer = createMailer({ smtpUrl: smtp.url });
  try {
    const now = Date.now();
    const insertArticle = db.$client.prepare(
      `INSERT INTO articles (slug, lang, title, summary, body, source_key, source_hash, published_at, updated_at)
       VALUES (?, 'en', ?, ?, '["Body."]', ?, 'bench', ?, ?)`,
    );
    const insertSubscriber = db.$client.prepare(`INSERT INTO subscribers (email, status, locale, created_at, confirmed_at) VALUES (?, 'confirmed', ?, ?, ?)`);
    db.$client.transaction(() => {
      for (let i = 1; i <= 12; i++) insertArticle.run(`bench-${i}`, `Bench article ${i}`, `Summary of bench article ${i}.`, `bench:${i}`, now - i * 3600_000, now);
      for (let i = 1; i <= subscribers; i++) insertSubscriber.run(`reader${i}@example.test`, i % 3 === 0 ? 'ru' : 'en', now, now);
    })();
    const started = performance.now();
    const report = await sendDigest({ db, mailer, now });
    const seconds = (performance.now() - started) / 1000;
    return {
      measurement: 'digest',
      label: `digest to ${subscribers.toLocaleString('en')} subscribers (local SMTP)`,
      reqPerSec: Math.round(report.sent / seconds),
      requests: report.sent,
      errors: report.failed,
      note: `${seconds.toFixed(1)} s in all; ${smtp.received.length} messages received`,
      warning: report.sent !== subscribers ? `only ${report.sent} of ${subscribers} sent` : undefined,
    };
  } finally {
    mailer.close();
    await smtp.close();
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const digestMeasurement: Measurement = {
  name: 'digest',
  description: 'daily digest send rate: 10 000 subscribers to a local SMTP server (messages/s)',
  run: async () => [await digestSendRate()],
};
