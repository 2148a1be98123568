import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '@/tests/support/smtp-sink';
import { confirmSubscription, requestSubscription, unsubscribe } from '@/db/mutations/newsletter';
import { openDb } from '@/db/open';
import { createMailer } from './mailer';
import { sendDigest } from './send';
import { parseToken, verifyToken } from './tokens';

process.env.AUTH_SECRET = 'test-secret-for-the-newsletter';
process.env.SITE_URL = 'https://courier.test';
process.env.SITE_TIME_ZONE = 'Europe/Moscow';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courier-digest-'));
const db = openDb(path.join(dir, 'test.db'));
let smtp: SmtpSink;

const NOW = Date.parse('2026-11-25T10:00:00Z'); // 13:00 in Moscow
const HOUR = 3600_000;

function addArticle(id: number, title: string, publishedAt: number, summary = 'A summary.') {
  db.$client
    .prepare(
      `INSERT INTO articles (id, slug, lang, title, summary, body, source_key, source_hash, published_at, updated_at)
       VALUES (?, ?, 'en', ?, ?, '["Body."]', ?, 'h', ?, ?)`,
    )
    .run(id, `article-${id}`, title, summary, `test:${id}`, publishedAt, publishedAt);
}

function subscribe(email: string, locale: 'en' | 'ru' = 'en') {
  const s = requestSubscription(db, email, locale, NOW - 5 * HOUR);
  confirmSubscription(db, s.id, NOW - 5 * HOUR);
  return s.id;
}

beforeAll(async () => {
  smtp = await startSmtpSink({ reject: (a) => a.startsWith('bounce') });
  addArticle(1, 'Old news', NOW - 120 * HOUR);
  addArticle(2, 'Fresh <b>news</b> & more', NOW - 2 * HOUR, 'Summary with <script>alert(1)</script>');
});
afterAll(async () => {
  await smtp.close();
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  smtp.received.length = 0;
});

describe('the daily digest', () => {
  it('reaches every confirmed address once, with the day’s articles, escaped, and one-click unsubscribe headers', async () => {
    const alice = subscribe('alice@example.com');
    subscribe('boris@example.com', 'ru');
    requestSubscription(db, 'pending@example.com', 'en', NOW); // never confirmed
    const gone = subscribe('gone@example.com');
    unsubscribe(db, gone, NOW - HOUR);

    const mailer = createMailer({ smtpUrl: smtp.url });
    const report = await sendDigest({ db, mailer, now: NOW });
    expect(report).toMatchObject({ date: '2026-11-25', sent: 2, failed: 0, alreadySent: 0 });
    expect(smtp.received.flatMap((r) => r.to).sort()).toEqual(['alice@example.com', 'boris@example.com']);

    const mail = smtp.received.find((r) => r.to[0] === 'alice@example.com')!.mail;
    expect(mail.subject).toBe('Courier daily news, 25 November 2026');
    expect(mail.text).toContain('Fresh <b>news</b> & more');
    expect(mail.text).toContain('https://courier.test/news/2-article-2');
    expect(mail.text).not.toContain('Old news'); // outside the 24 hours
    expect(mail.html).toContain('Fresh &lt;b&gt;news&lt;/b&gt; &amp; more');
    expect(mail.html).not.toContain('<script>');
    const header = (name: string) => (mail.headerLines.find((h) => h.key === name)?.line ?? '').replace(/\r\n\s+/g, ' '); // unfolded
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    const listUnsubscribe = header('list-unsubscribe');
    expect(listUnsubscribe).toMatch(/^List-Unsubscribe: <https:\/\/courier\.test\/api\/newsletter\/unsubscribe\?token=/);
    const token = /token=([^&>"\s]+)/.exec(mail.text ?? '')?.[1];
    expect(token).toBeTruthy();
    expect(listUnsubscribe).toContain(token!);
    expect(verifyToken('unsubscribe', parseToken(decodeURIComponent(token!))!, 'alice@example.com')).toBe('ok');
    expect(parseToken(decodeURIComponent(token!))!.id).toBe(alice);

    const ru = smtp.received.find((r) => r.to[0] === 'boris@example.com')!.mail;
    expect(ru.subject).toBe('Новости Courier за 25 ноября 2026 г.');

    // The same day again: nothing twice.
    smtp.received.length = 0;
    const again = await sendDigest({ db, mailer, now: NOW + HOUR });
    expect(again).toMatchObject({ sent: 0, failed: 0, alreadySent: 2 });
    expect(smtp.received).toHaveLength(0);
    mailer.close();
  });

  it('records a refused address, goes on with the rest, and retries only the refused one', async () => {
    subscribe('bounce@example.com');
    subscribe('carol@example.com');
    const mailer = createMailer({ smtpUrl: smtp.url });
    const report = await sendDigest({ db, mailer, day: '2026-11-24', now: NOW });
    expect(report.failed).toBe(1);
    expect(report.sent).toBe(3); // alice, boris and carol
    expect(smtp.received.flatMap((r) => r.to)).not.toContain('bounce@example.com');
    smtp.received.length = 0;
    const retry = await sendDigest({ db, mailer, day: '2026-11-24', now: NOW });
    expect(retry).toMatchObject({ sent: 0, failed: 1, alreadySent: 3 });
    mailer.close();
  });

  it('after a crash half-way, never sends an address a second copy', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url });
    // A run killed after claiming its first batch leaves the claimed rows 'sending'.
    const { claimBatch, openDigest } = await import('@/db/mutations/newsletter');
    const digest = openDigest(db, { date: '2026-11-23', subject: 's', windowStart: 0, windowEnd: 1, articleCount: 1 });
    const claimed = claimBatch(db, digest.id, 0, 2);
    expect(claimed).toHaveLength(2);
    const report = await sendDigest({ db, mailer, day: '2026-11-23', now: NOW });
    expect(report.interrupted).toBe(2);
    const got = smtp.received.flatMap((r) => r.to);
    for (const c of claimed) expect(got).not.toContain(c.email);
    mailer.close();
  });

  it('a quiet day recalls the latest articles; a day to come is refused', async () => {
    const mailer = createMailer({ smtpUrl: smtp.url });
    const report = await sendDigest({ db, mailer, day: '2026-11-22', now: NOW });
    expect(report.sent).toBeGreaterThan(0);
    expect(smtp.received[0]!.mail.text).toContain('No new articles in the last 24 hours');
    expect(smtp.received[0]!.mail.text).toContain('Old news');
    await expect(sendDigest({ db, mailer, day: '2026-11-26', now: NOW })).rejects.toThrow(/has not come yet/);
    mailer.close();
  });
});

describe('newsletter links', () => {
  it('refuse a tampered, a swapped or an expired token', async () => {
    const { confirmToken, unsubscribeToken } = await import('./tokens');
    const t = confirmToken(7, 'a@b.c', NOW);
    const p = parseToken(t)!;
    expect(verifyToken('confirm', p, 'a@b.c', NOW + 1000)).toBe('ok');
    expect(verifyToken('confirm', p, 'a@b.c', NOW + 49 * HOUR)).toBe('expired');
    expect(verifyToken('confirm', p, 'x@b.c', NOW)).toBe('invalid');
    expect(verifyToken('confirm', { ...p, expires: p.expires + 1 }, 'a@b.c', NOW)).toBe('invalid');
    expect(verifyToken('confirm', { ...p, id: 8 }, 'a@b.c', NOW)).toBe('invalid');
    expect(verifyToken('unsubscribe', p, 'a@b.c', NOW)).toBe('invalid');
    expect(verifyToken('confirm', parseToken(unsubscribeToken(7, 'a@b.c'))!, 'a@b.c', NOW)).toBe('invalid');
    for (const junk of ['', '1.2', 'a.b.c', `1.1.${'x'.repeat(42)}`, '1.1.' + 'A'.repeat(43) + '\r\nBcc: x']) expect(parseToken(junk)).toBeNull();
  });
});
