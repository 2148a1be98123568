import { formatCommentTime } from '@/lib/dates';
import type { Messages } from '@/lib/i18n/messages';

type NewsletterStats = {
  confirmed: number;
  pending: number;
  unsubscribed: number;
  digests: { date: string; sent: number; failed: number; finishedAt: number | null; articleCount: number }[];
};

/** Subscriber counts and the last digests: enough to see at a glance whether the mail goes out. */
export function NewsletterStatsSection({ stats, t }: { stats: NewsletterStats; t: Messages }) {
  const counts: [string, number][] = [
    [t.subscribersConfirmed, stats.confirmed],
    [t.subscribersPending, stats.pending],
    [t.subscribersUnsubscribed, stats.unsubscribed],
  ];
  return (
    <section aria-labelledby="newsletter-admin-heading" className="mt-10">
      <h2 id="newsletter-admin-heading" className="text-2xl font-semibold">
        {t.adminNewsletter}
      </h2>
      <dl className="mt-2 flex flex-wrap gap-6">
        {counts.map(([label, n]) => (
          <div key={label}>
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-2xl font-bold">{n}</dd>
          </div>
        ))}
      </dl>
      {stats.digests.length === 0 ? (
        <p className="mt-3 text-slate-600">{t.noDigests}</p>
      ) : (
        <table className="mt-3 min-w-[28rem] border-collapse text-left">
          <caption className="text-left font-semibold">{t.lastDigests}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-4">{t.digestDate}</th>
              <th scope="col" className="py-1 pr-4">{t.digestArticles}</th>
              <th scope="col" className="py-1 pr-4">{t.digestRecipients}</th>
              <th scope="col" className="py-1 pr-4">{t.digestFailures}</th>
            </tr>
          </thead>
          <tbody>
            {stats.digests.map((d) => (
              <tr key={d.date} className="border-b border-slate-200">
                <td className="py-1 pr-4">
                  <time dateTime={d.date}>{d.date}</time>
                  {d.finishedAt ? <span className="ml-2 text-sm text-slate-600">({formatCommentTime(d.finishedAt)})</span> : null}
                </td>
                <td className="py-1 pr-4">{d.articleCount}</td>
                <td className="py-1 pr-4">{d.sent}</td>
                <td className="py-1 pr-4">{d.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
