import type { Db } from '@/db/open';
import { claimBatch, finishDigest, markInterrupted, openDigest, recordResults, takeLease, type SendResult } from '@/db/mutations/newsletter';
import { articlesPublishedBetween, digestProgress, latestArticles, mostDiscussedBetween } from '@/db/queries/newsletter';
import { siteTimeZone } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/locales';
import { personalise, renderDigest, type DigestContent, type RenderedDigest } from './compose';
import { dayOf, noonOf, sendTimeFor } from './day';
import { unsubscribeUrl } from './links';
import type { Mailer } from './mailer';

const DAY_MS = 24 * 60 * 60 * 1000;
const LEASE_MS = 5 * 60 * 1000;

export class DigestError extends Error {}

/** What goes into the digest for `day`: the 24 hours before its send time. */
export function digestContent(db: Db, day: string, now = Date.now()): DigestContent & { windowStart: number; windowEnd: number } {
  const timeZone = siteTimeZone();
  const end = sendTimeFor(day, now, timeZone);
  const start = end - DAY_MS;
  const fresh = articlesPublishedBetween(db, start, end);
  // A quiet day still gets a digest: it recalls the latest articles rather than sending nothing.
  const articles = fresh.length > 0 ? fresh : latestArticles(db, end);
  return {
    date: day,
    dateMs: noonOf(day, timeZone),
    timeZone,
    articles,
    latest: fresh.length === 0,
    threads: mostDiscussedBetween(db, start, end),
    windowStart: start,
    windowEnd: end,
  };
}

export type SendReport = {
  date: string;
  /** This run. */
  sent: number;
  failed: number;
  /** Left by an earlier, crashed run: not sent again. */
  interrupted: number;
  /** Reached by earlier runs for the same day. */
  alreadySent: number;
  destination: string;
  /** No article to send at all. */
  empty?: boolean;
};

export type SendOptions = {
  db: Db;
  mailer: Mailer;
  /** `YYYY-MM-DD` in the site's time zone; today when absent. */
  day?: string;
  now?: number;
  batchSize?: number;
  onStart?: (total: number) => void;
  onProgress?: (done: number) => void;
};

/**
 * Sends the day's digest to every confirmed subscriber it has not reached yet. Safe to re-run:
 * each address is claimed before its message leaves, so a crash never leads to a second copy.
 */
export async function sendDigest({ db, mailer, day, now = Date.now(), batchSize = 200, onStart, onProgress }: SendOptions): Promise<SendReport> {
  const timeZone = siteTimeZone();
  const today = dayOf(now, timeZone);
  const date = day ?? today;
  if (date > today) throw new DigestError(`${date} has not come yet in ${timeZone}: a digest covers a day that has begun.`);

  const content = digestContent(db, date, now);
  // An empty site has nothing to say: not an error, and nothing is recorded for the day.
  if (content.articles.length === 0) return { date, sent: 0, failed: 0, interrupted: 0, alreadySent: 0, destination: mailer.destination, empty: true };
  const rendered: Partial<Record<Locale, RenderedDigest>> = {};
  const render = (locale: Locale) => (rendered[locale] ??= renderDigest(content, locale));

  const digest = openDigest(db, {
    date,
    subject: render('en').subject,
    windowStart: content.windowStart,
    windowEnd: content.windowEnd,
    articleCount: content.articles.length,
  });
  let lease = takeLease(db, digest.id, LEASE_MS, null);
  if (lease === null) throw new DigestError(`The digest for ${date} is being sent by another run right now.`);

  try {
    markInterrupted(db, digest.id);
    const { done: before, waiting } = digestProgress(db, digest.id);
    onStart?.(waiting);

    let afterId = 0;
    let attempted = 0;
    let sent = 0;
    let failed = 0;
    for (;;) {
      const batch = claimBatch(db, digest.id, afterId, batchSize);
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1]!.id;
      const results: SendResult[] = await Promise.all(
        batch.map(async (r) => {
          try {
            await mailer.send(personalise(render(r.locale), r.email, unsubscribeUrl(r.id, r.email)));
            return { subscriberId: r.id, ok: true };
          } catch (error) {
            return { subscriberId: r.id, ok: false, error: error instanceof Error ? error.message : String(error) };
          }
        }),
      );
      recordResults(db, digest.id, results);
      attempted += batch.length;
      for (const r of results) {
        if (r.ok) sent++;
        else failed++;
      }
      onProgress?.(attempted);
      lease = takeLease(db, digest.id, LEASE_MS, lease);
      if (lease === null) throw new DigestError('Lost the send lease to another run; stopping so nothing is sent twice.');
    }
    const totals = finishDigest(db, digest.id);
    return { date, sent, failed, interrupted: totals.interrupted, alreadySent: before, destination: mailer.destination };
  } catch (error) {
    db.$client.prepare('UPDATE digests SET lease_until = NULL WHERE id = ?').run(digest.id);
    throw error;
  }
}
