import 'server-only';
import type { Db } from '@/db';
import type { Locale } from '@/lib/i18n/locales';

export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed';

/**
 * A reader asks for the digest. New and unsubscribed addresses become pending (double opt-in);
 * a pending one stays pending; a confirmed one is left alone. The caller answers the same in every
 * case, so the form cannot tell anyone which addresses are known.
 */
export function requestSubscription(db: Db, email: string, locale: Locale, now = Date.now()): { id: number; status: SubscriberStatus } {
  return db.$client
    .prepare(
      `INSERT INTO subscribers (email, status, locale, created_at) VALUES (?, 'pending', ?, ?)
       ON CONFLICT(email) DO UPDATE SET
         status = CASE WHEN status = 'confirmed' THEN 'confirmed' ELSE 'pending' END,
         locale = CASE WHEN status = 'confirmed' THEN locale ELSE excluded.locale END
       RETURNING id, status`,
    )
    .get(email, locale, now) as { id: number; status: SubscriberStatus };
}

/** Confirms a pending address. Confirming twice is harmless; an unsubscribed address stays out. */
export function confirmSubscription(db: Db, id: number, now = Date.now()): SubscriberStatus | null {
  db.$client.prepare(`UPDATE subscribers SET status = 'confirmed', confirmed_at = ? WHERE id = ? AND status = 'pending'`).run(now, id);
  const row = db.$client.prepare('SELECT status FROM subscribers WHERE id = ?').get(id) as { status: SubscriberStatus } | undefined;
  return row?.status ?? null;
}

/** Takes effect at once: the sender reads the status right before every batch. */
export function unsubscribe(db: Db, id: number, now = Date.now()): boolean {
  const exists = db.$client.prepare('SELECT 1 FROM subscribers WHERE id = ?').get(id);
  db.$client.prepare(`UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ? WHERE id = ? AND status != 'unsubscribed'`).run(now, id);
  return Boolean(exists);
}

/**
 * A signed-in reader's own toggle, for their account's address (no second confirmation: the
 * account is theirs). Scoped in the statement to the live account's address, so it can only ever
 * touch the caller's own row.
 */
export function setAccountSubscription(db: Db, userId: number, on: boolean, locale: Locale, now = Date.now()): boolean {
  if (on) {
    return (
      db.$client
        .prepare(
          `INSERT INTO subscribers (email, status, locale, user_id, created_at, confirmed_at)
           SELECT email, 'confirmed', ?, id, ?, ? FROM users WHERE id = ? AND deleted_at IS NULL
           ON CONFLICT(email) DO UPDATE SET status = 'confirmed', user_id = excluded.user_id,
             confirmed_at = COALESCE(CASE WHEN status = 'confirmed' THEN confirmed_at END, excluded.confirmed_at)`,
        )
        .run(locale, now, now, userId).changes === 1
    );
  }
  db.$client
    .prepare(
      `UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ?
       WHERE status != 'unsubscribed' AND email = (SELECT email FROM users WHERE id = ? AND deleted_at IS NULL)`,
    )
    .run(now, userId);
  return true;
}

/** Part of deleting an account: its address leaves the list entirely. */
export function forgetAccountSubscription(db: Db, userId: number): void {
  db.$client.prepare('DELETE FROM subscribers WHERE user_id = ? OR email = (SELECT email FROM users WHERE id = ?)').run(userId, userId);
}

// --- The sender's bookkeeping -------------------------------------------------------------------

export type DigestRow = { id: number; date: string; finishedAt: number | null; leaseUntil: number | null };

/** The day's digest row, created on the first run for that day. */
export function openDigest(
  db: Db,
  input: { date: string; subject: string; windowStart: number; windowEnd: number; articleCount: number },
  now = Date.now(),
): DigestRow {
  db.$client
    .prepare(
      `INSERT INTO digests (date, subject, window_start, window_end, article_count, started_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(date) DO NOTHING`,
    )
    .run(input.date, input.subject, input.windowStart, input.windowEnd, input.articleCount, now);
  return db.$client.prepare('SELECT id, date, finished_at AS finishedAt, lease_until AS leaseUntil FROM digests WHERE date = ?').get(input.date) as DigestRow;
}

/** One sender at a time per digest: the lease is taken (or renewed) only when free or ours. */
export function takeLease(db: Db, digestId: number, holdMs: number, previous: number | null, now = Date.now()): number | null {
  const until = now + holdMs;
  const changed = db.$client
    .prepare('UPDATE digests SET lease_until = ? WHERE id = ? AND (lease_until IS NULL OR lease_until <= ? OR lease_until = ?)')
    .run(until, digestId, now, previous ?? -1).changes;
  return changed === 1 ? until : null;
}

/**
 * Rows a crashed run left 'sending' may or may not have reached the mail server. They are marked
 * 'interrupted' and never sent again: a missed digest is better than a doubled one.
 */
export function markInterrupted(db: Db, digestId: number, now = Date.now()): number {
  return db.$client.prepare(`UPDATE digest_sends SET status = 'interrupted', updated_at = ? WHERE digest_id = ? AND status = 'sending'`).run(now, digestId).changes;
}

export type Recipient = { id: number; email: string; locale: Locale };

/**
 * The next batch of confirmed subscribers this digest has not reached, claimed as 'sending' in the
 * same transaction. Addresses that failed earlier are tried again: nothing reached them.
 */
export function claimBatch(db: Db, digestId: number, afterId: number, size: number, now = Date.now()): Recipient[] {
  return db.$client.transaction(() => {
    const rows = db.$client
      .prepare(
        `SELECT s.id, s.email, s.locale FROM subscribers s
         LEFT JOIN digest_sends d ON d.digest_id = ? AND d.subscriber_id = s.id
         WHERE s.status = 'confirmed' AND s.id > ? AND (d.status IS NULL OR d.status = 'failed')
         ORDER BY s.id LIMIT ?`,
      )
      .all(digestId, afterId, size) as Recipient[];
    const claim = db.$client.prepare(
      `INSERT INTO digest_sends (digest_id, subscriber_id, status, updated_at) VALUES (?, ?, 'sending', ?)
       ON CONFLICT(digest_id, subscriber_id) DO UPDATE SET status = 'sending', error = NULL, updated_at = excluded.updated_at`,
    );
    for (const r of rows) claim.run(digestId, r.id, now);
    return rows;
  }).immediate();
}

export type SendResult = { subscriberId: number; ok: boolean; error?: string };

export function recordResults(db: Db, digestId: number, results: SendResult[], now = Date.now()): void {
  const update = db.$client.prepare('UPDATE digest_sends SET status = ?, error = ?, updated_at = ? WHERE digest_id = ? AND subscriber_id = ?');
  db.$client.transaction(() => {
    for (const r of results) update.run(r.ok ? 'sent' : 'failed', r.ok ? null : (r.error ?? 'failed').slice(0, 500), now, digestId, r.subscriberId);
  })();
}

/** Totals are recounted from the send rows once per run (not per message), then the lease is freed. */
export function finishDigest(db: Db, digestId: number, now = Date.now()): { sent: number; failed: number; interrupted: number } {
  const totals = db.$client
    .prepare(
      `SELECT COALESCE(SUM(status = 'sent'), 0) AS sent, COALESCE(SUM(status = 'failed'), 0) AS failed,
              COALESCE(SUM(status = 'interrupted'), 0) AS interrupted
       FROM digest_sends WHERE digest_id = ?`,
    )
    .get(digestId) as { sent: number; failed: number; interrupted: number };
  db.$client.prepare('UPDATE digests SET sent = ?, failed = ?, finished_at = ?, lease_until = NULL WHERE id = ?').run(totals.sent, totals.failed, now, digestId);
  return totals;
}
