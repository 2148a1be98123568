import type { Metadata } from 'next';
import { bulkCommentsAction, commentOpAction, hideCommentAction } from './actions';
import { requireModeratorPage } from './guard';
import { BulkBar, SettingsForm, UsersSection } from './sections';
import { ModerationLogTable } from '@/components/admin/log-table';
import { CommentsChart } from '@/components/admin/comments-chart';
import { ModerationKeys } from '@/components/admin/moderation-keys';
import { NewsletterStatsSection } from '@/components/admin/newsletter-stats';
import { newsletterStats } from '@/db/queries/newsletter';
import { QueueCard, type QueueCardItem } from '@/components/admin/queue-card';
import { dashboard, moderationLog, pendingQueue, recentComments, reportQueue, searchUsers, type QueueItem } from '@/db/queries/moderation';
import { readSettings } from '@/db/queries/settings';
import { getDb } from '@/db';
import { formatCommentTime } from '@/lib/dates';
import { threadHref } from '@/lib/discussion';
import { messages, type Messages } from '@/lib/i18n/messages';
import { canAdminister } from '@/lib/permissions';
import { localeFrom, parsePageNumber, type LangParams } from '@/lib/route-params';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: LangParams }): Promise<Metadata> {
  return { title: messages(await localeFrom(params)).adminTitle, robots: { index: false } };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const pageOf = (v: string | string[] | undefined) => parsePageNumber(one(v) ?? '1') ?? 1;
const idOf = (v: string | string[] | undefined) => {
  const n = Number(one(v));
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
};

function toCard(item: QueueItem): QueueCardItem {
  const href = threadHref({ id: item.threadId, articleId: item.articleId, articleSlug: item.articleSlug });
  return { ...item, timeText: formatCommentTime(item.createdAt), threadHref: `${href}#c${item.number}` };
}

function Queue({ id, title, items, total, t, empty }: { id: string; title: string; items: QueueItem[]; total: number; t: Messages; empty: string }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mt-10">
      <h2 id={`${id}-heading`} className="text-2xl font-semibold">
        {title}
      </h2>
      <p className="text-sm text-slate-600">{total}</p>
      <BulkBar formId={`bulk-${id}`} action={bulkCommentsAction} t={t} />
      {items.length === 0 ? <p className="mt-2 text-slate-600">{empty}</p> : null}
      <ol className="mt-3 space-y-3">
        {items.map((item) => (
          <QueueCard key={item.id} item={toCard(item)} t={t} hideAction={hideCommentAction} opAction={commentOpAction} bulkForm={`bulk-${id}`} />
        ))}
      </ol>
    </section>
  );
}

export default async function AdminPage({ params, searchParams }: { params: LangParams; searchParams: Search }) {
  const locale = await localeFrom(params);
  const t = messages(locale);
  // Before anything is read: the layout's check does not stop this page from rendering.
  const viewer = await requireModeratorPage();
  const sp = await searchParams;
  const stats = dashboard();
  const reports = reportQueue(pageOf(sp.reports));
  const pending = pendingQueue(pageOf(sp.pending));
  const recent = recentComments(pageOf(sp.recent), { threadId: idOf(sp.thread), userId: idOf(sp.user) });
  const q = (one(sp.q) ?? '').slice(0, 100);
  const users = searchUsers(q);
  const log = moderationLog(pageOf(sp.log), false);
  const isAdmin = canAdminister(viewer);

  return (
    <main id="main" tabIndex={-1} className="py-6 focus:outline-none">
      <h1 className="text-3xl font-bold">{t.adminTitle}</h1>
      <p className="mt-1 text-sm text-slate-600">{t.shortcutsHelp}</p>
      <ModerationKeys labels={{ hide: t.hide, approve: t.approve, dismiss: t.dismissReports, title: t.shortcutsTitle, help: t.shortcutsHelp, close: t.close }} />

      <section aria-labelledby="dashboard-heading" className="mt-6 rounded border border-slate-200 p-4">
        <h2 id="dashboard-heading" className="text-2xl font-semibold">
          {t.dashboard}
        </h2>
        <dl className="mt-2 flex flex-wrap gap-6">
          <div>
            <dt className="text-sm text-slate-600">{t.openReports}</dt>
            <dd className="text-2xl font-bold">{stats.openReports}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-600">{t.pendingComments}</dt>
            <dd className="text-2xl font-bold">{stats.pending}</dd>
          </div>
        </dl>
        <CommentsChart data={stats.perDay} title={t.commentsPerDay} />
        <h3 className="mt-4 font-semibold">{t.busiestToday}</h3>
        <ol className="ml-5 list-decimal">
          {stats.busiest.map((b) => (
            <li key={b.threadId}>
              <a href={threadHref({ id: b.threadId, articleId: b.articleId, articleSlug: b.articleSlug })} className="underline">
                {b.title}
              </a>{' '}
              ({b.count})
            </li>
          ))}
        </ol>
      </section>

      <Queue id="reports" title={t.reportsHeading} items={reports.items} total={reports.total} t={t} empty={t.emptyQueue} />
      <Queue id="pending" title={t.pendingHeading} items={pending.items} total={pending.total} t={t} empty={t.emptyQueue} />

      <section aria-labelledby="recent-heading" className="mt-10">
        <h2 id="recent-heading" className="text-2xl font-semibold">
          {t.recentHeading}
        </h2>
        <form method="get" className="mt-2 flex flex-wrap items-end gap-2">
          <label className="flex flex-col text-sm">
            {t.filterArticle}
            <input name="thread" inputMode="numeric" defaultValue={one(sp.thread)} className="rounded border border-slate-400 px-2 py-1" />
          </label>
          <label className="flex flex-col text-sm">
            {t.filterUser}
            <input name="user" inputMode="numeric" defaultValue={one(sp.user)} className="rounded border border-slate-400 px-2 py-1" />
          </label>
          <button type="submit" className="rounded border border-slate-400 px-3 py-1">
            {t.filter}
          </button>
        </form>
        <BulkBar formId="bulk-recent" action={bulkCommentsAction} t={t} />
        <ol className="mt-3 space-y-3">
          {recent.items.map((item) => (
            <QueueCard key={item.id} item={toCard(item)} t={t} hideAction={hideCommentAction} opAction={commentOpAction} bulkForm="bulk-recent" />
          ))}
        </ol>
      </section>

      <UsersSection users={users} q={q} t={t} viewerId={viewer.id} isAdmin={isAdmin} />
      {isAdmin ? <SettingsForm settings={readSettings(getDb())} t={t} /> : null}
      <NewsletterStatsSection stats={newsletterStats()} t={t} />
      <ModerationLogTable entries={log.items} t={t} showActor />
    </main>
  );
}
