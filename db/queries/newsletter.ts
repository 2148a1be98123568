import 'server-only';
import { getDb, type Db } from '@/db';
import type { Locale } from '@/lib/i18n/locales';
import type { SubscriberStatus } from '@/db/mutations/newsletter';

export type Subscriber = { id: number; email: string; status: SubscriberStatus; locale: Locale };

export function getSubscriber(db: Db, id: number): Subscriber | null {
  return (db.$client.prepare('SELECT id, email, status, locale FROM subscribers WHERE id = ?').get(id) as Subscriber | undefined) ?? null;
}

/** Whether a signed-in reader's own address gets the digest. */
export function accountSubscription(userId: number): SubscriberStatus | null {
  const row = getDb()
    .$client.prepare('SELECT s.status FROM subscribers s JOIN users u ON u.email = s.email WHERE u.id = ?')
    .get(userId) as { status: SubscriberStatus } | undefined;
  return row?.status ?? null;
}

export type DigestSummary = { date: string; sent: number; failed: number; finishedAt: number | null; articleCount: number };
export type NewsletterStats = { confirmed: number; pending: number; unsubscribed: number; digests: DigestSummary[] };

export function newsletterStats(): NewsletterStats {
  const db = getDb().$client;
  const counts = db
    .prepare(
      `SELECT COALESCE(SUM(status = 'confirmed'), 0) AS confirmed, COALESCE(SUM(status = 'pending'), 0) AS pending,
              COALESCE(SUM(status = 'unsubscribed'), 0) AS unsubscribed FROM subscribers`,
    )
    .get() as Omit<NewsletterStats, 'digests'>;
  const digests = db
    .prepare('SELECT date, sent, failed, finished_at AS finishedAt, article_count AS articleCount FROM digests ORDER BY date DESC LIMIT 10')
    .all() as DigestSummary[];
  return { ...counts, digests };
}

// --- What goes into a digest ---------------------------------------------------------------------

export type DigestArticle = { id: number; slug: string; title: string; summary: string | null; publishedAt: number };
export type DigestThread = { id: number; articleId: number | null; articleSlug: string | null; title: string; comments: number };

export function articlesPublishedBetween(db: Db, start: number, end: number, limit = 50): DigestArticle[] {
  return db.$client
    .prepare(
      `SELECT id, slug, title, summary, published_at AS publishedAt FROM articles
       WHERE published_at > ? AND published_at <= ? ORDER BY published_at DESC, id DESC LIMIT ?`,
    )
    .all(start, end, limit) as DigestArticle[];
}

export function latestArticles(db: Db, before: number, limit = 10): DigestArticle[] {
  return db.$client
    .prepare(
      `SELECT id, slug, title, summary, published_at AS publishedAt FROM articles
       WHERE published_at <= ? ORDER BY published_at DESC, id DESC LIMIT ?`,
    )
    .all(before, limit) as DigestArticle[];
}

/** The threads with the most visible comments posted in the window. */
export function mostDiscussedBetween(db: Db, start: number, end: number, limit = 5): DigestThread[] {
  return db.$client
    .prepare(
      `SELECT t.id, t.article_id AS articleId, a.slug AS articleSlug, t.title, c.n AS comments
       FROM (SELECT thread_id, COUNT(*) AS n FROM comments
             WHERE status = 'visible' AND created_at > ? AND created_at <= ? GROUP BY thread_id) c
       JOIN threads t ON t.id = c.thread_id
       LEFT JOIN articles a ON a.id = t.article_id
       ORDER BY c.n DESC, t.id DESC LIMIT ?`,
    )
    .all(start, end, limit) as DigestThread[];
}

/** For a digest: addresses already reached (or possibly reached) and those still to send. */
export function digestProgress(db: Db, digestId: number): { done: number; waiting: number } {
  const done = db.$client
    .prepare(`SELECT COUNT(*) AS n FROM digest_sends WHERE digest_id = ? AND status IN ('sent', 'interrupted')`)
    .get(digestId) as { n: number };
  const waiting = db.$client
    .prepare(
      `SELECT COUNT(*) AS n FROM subscribers s LEFT JOIN digest_sends d ON d.digest_id = ? AND d.subscriber_id = s.id
       WHERE s.status = 'confirmed' AND (d.status IS NULL OR d.status = 'failed')`,
    )
    .get(digestId) as { n: number };
  return { done: done.n, waiting: waiting.n };
}

export function digestFailures(db: Db, date: string, limit: number): { email: string; error: string }[] {
  return db.$client
    .prepare(
      `SELECT s.email, d.error FROM digest_sends d JOIN subscribers s ON s.id = d.subscriber_id JOIN digests g ON g.id = d.digest_id
       WHERE g.date = ? AND d.status = 'failed' ORDER BY s.id LIMIT ?`,
    )
    .all(date, limit) as { email: string; error: string }[];
}
