import 'server-only';
import { getDb } from '@/db';
import { siteTimeZone } from '@/lib/dates';

export const QUEUE_PAGE = 20;

export type QueueItem = {
  id: number;
  number: number;
  body: string;
  status: 'visible' | 'pending' | 'hidden' | 'deleted';
  createdAt: number;
  threadId: number;
  threadTitle: string;
  articleId: number | null;
  articleSlug: string | null;
  parentBody: string | null;
  author: { id: number; name: string; comments: number; reportsAgainst: number; sanctions: number; banned: boolean };
  reports: number;
  reasons: string[];
};

const ITEM = `
  SELECT c.id, c.number, c.body, c.status, c.created_at AS createdAt, t.id AS threadId, t.title AS threadTitle,
         t.article_id AS articleId, a.slug AS articleSlug, p.body AS parentBody,
         u.id AS authorId, u.name AS authorName, u.banned_until AS bannedUntil,
         (SELECT count(*) FROM comments x WHERE x.author_id = u.id) AS authorComments,
         (SELECT count(*) FROM reports r2 JOIN comments x ON x.id = r2.comment_id WHERE x.author_id = u.id) AS reportsAgainst,
         (SELECT count(*) FROM moderation_log l WHERE l.target_type = 'user' AND l.target_id = u.id AND l.action = 'ban') AS sanctions,
         (SELECT count(*) FROM reports r3 WHERE r3.comment_id = c.id AND r3.resolved_at IS NULL) AS reports,
         (SELECT group_concat(DISTINCT r4.reason) FROM reports r4 WHERE r4.comment_id = c.id AND r4.resolved_at IS NULL) AS reasons
    FROM comments c
    JOIN threads t ON t.id = c.thread_id
    LEFT JOIN articles a ON a.id = t.article_id
    LEFT JOIN comments p ON p.id = c.parent_id
    JOIN users u ON u.id = c.author_id`;

type Raw = Omit<QueueItem, 'author' | 'reasons'> & {
  authorId: number;
  authorName: string;
  bannedUntil: number | null;
  authorComments: number;
  reportsAgainst: number;
  sanctions: number;
  reasons: string | null;
};

function shape(r: Raw, now = Date.now()): QueueItem {
  return {
    id: r.id,
    number: r.number,
    body: r.body,
    status: r.status,
    createdAt: r.createdAt,
    threadId: r.threadId,
    threadTitle: r.threadTitle,
    articleId: r.articleId,
    articleSlug: r.articleSlug,
    parentBody: r.parentBody,
    reports: r.reports,
    reasons: r.reasons ? r.reasons.split(',') : [],
    author: { id: r.authorId, name: r.authorName, comments: r.authorComments, reportsAgainst: r.reportsAgainst, sanctions: r.sanctions, banned: r.bannedUntil !== null && r.bannedUntil > now },
  };
}

export type Queue = { items: QueueItem[]; page: number; pages: number; total: number };

function queue(where: string, order: string, params: Record<string, unknown>, page: number): Queue {
  const db = getDb().$client;
  const total = db.prepare(`SELECT count(*) FROM comments c WHERE ${where}`).pluck().get(params) as number;
  const rows = db.prepare(`${ITEM} WHERE ${where} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all({ ...params, limit: QUEUE_PAGE, offset: (page - 1) * QUEUE_PAGE }) as Raw[];
  return { items: rows.map((r) => shape(r)), page, pages: Math.max(1, Math.ceil(total / QUEUE_PAGE)), total };
}

const OPEN_REPORTS = `EXISTS (SELECT 1 FROM reports r WHERE r.comment_id = c.id AND r.resolved_at IS NULL)`;

/** Comments with open reports, most reported first. */
export const reportQueue = (page: number) => queue(`${OPEN_REPORTS} AND c.status IN ('visible', 'pending')`, 'reports DESC, c.created_at DESC', {}, page);

/** Comments held by pre-moderation or the word filter, oldest first (first come, first served). */
export const pendingQueue = (page: number) => queue(`c.status = 'pending'`, 'c.created_at ASC', {}, page);

/** Every comment, newest first, optionally of one thread or one author. */
export function recentComments(page: number, filter: { threadId?: number; userId?: number }): Queue {
  const where = ['1 = 1'];
  if (filter.threadId) where.push('c.thread_id = @thread');
  if (filter.userId) where.push('c.author_id = @user');
  return queue(where.join(' AND '), 'c.created_at DESC, c.id DESC', { thread: filter.threadId ?? null, user: filter.userId ?? null }, page);
}

export type AdminUser = { id: number; name: string; email: string; role: 'user' | 'moderator' | 'admin'; bannedUntil: number | null; banReason: string | null; banned: boolean; comments: number; reportsAgainst: number; createdAt: number };

/** Moderators find people by name or e-mail. */
export function searchUsers(q: string, limit = 20): AdminUser[] {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = getDb()
    .$client.prepare(
      `SELECT u.id, u.name, u.email, u.role, u.banned_until AS bannedUntil, u.ban_reason AS banReason, u.created_at AS createdAt,
              (SELECT count(*) FROM comments c WHERE c.author_id = u.id) AS comments,
              (SELECT count(*) FROM reports r JOIN comments c ON c.id = r.comment_id WHERE c.author_id = u.id) AS reportsAgainst
         FROM users u
        WHERE u.deleted_at IS NULL AND (@q = '' OR u.name LIKE @like ESCAPE '\\' OR u.email LIKE @like ESCAPE '\\')
        ORDER BY u.created_at DESC LIMIT @limit`,
    )
    .all({ q, like, limit }) as Array<Omit<AdminUser, 'banned'>>;
  const now = Date.now();
  return rows.map((u) => ({ ...u, banned: u.bannedUntil !== null && u.bannedUntil > now }));
}

export type { LogEntry } from '@/lib/moderation/types';
import type { LogEntry } from '@/lib/moderation/types';

/** The record. `publicView` leaves out what readers need not see: who reported, e-mails, settings details. */
export function moderationLog(page: number, publicView: boolean, perPage = 30): { items: LogEntry[]; pages: number } {
  const db = getDb().$client;
  const total = db.prepare(`SELECT count(*) FROM moderation_log ${publicView ? "WHERE target_type != 'settings'" : ''}`).pluck().get() as number;
  const rows = db
    .prepare(
      `SELECT l.id, l.action, l.target_type AS targetType, l.target_id AS targetId, l.reason, l.created_at AS createdAt, a.name AS actorName,
              c.number AS commentNumber, t.title AS threadTitle, t.id AS threadId, ar.slug AS articleSlug, ar.id AS articleId,
              tu.name AS userName, tu.deleted_at IS NOT NULL AS userDeleted
         FROM moderation_log l
         JOIN users a ON a.id = l.actor_id
         LEFT JOIN comments c ON l.target_type = 'comment' AND c.id = l.target_id
         LEFT JOIN threads t ON t.id = c.thread_id
         LEFT JOIN articles ar ON ar.id = t.article_id
         LEFT JOIN users tu ON l.target_type = 'user' AND tu.id = l.target_id
        ${publicView ? "WHERE l.target_type != 'settings'" : ''}
        ORDER BY l.created_at DESC, l.id DESC LIMIT ? OFFSET ?`,
    )
    .all(perPage, (page - 1) * perPage) as Array<LogEntry & { commentNumber: number | null; threadTitle: string | null; threadId: number | null; articleSlug: string | null; articleId: number | null; userName: string | null; userDeleted: number }>;
  const items = rows.map((r) => {
    let target = 'settings';
    let targetHref: string | null = null;
    if (r.targetType === 'comment') {
      target = r.commentNumber !== null ? `№${r.commentNumber} · ${r.threadTitle}` : `#${r.targetId}`;
      targetHref = r.articleId !== null ? `/news/${r.articleId}-${r.articleSlug}#c${r.commentNumber}` : r.threadId !== null ? `/threads/${r.threadId}#c${r.commentNumber}` : null;
    } else if (r.targetType === 'user') {
      target = r.userDeleted ? 'deleted user' : (r.userName ?? `#${r.targetId}`);
      targetHref = r.userDeleted ? null : `/users/${r.targetId}`;
    }
    return { id: r.id, action: r.action, targetType: r.targetType, targetId: r.targetId, reason: r.targetType === 'settings' && publicView ? null : r.reason, createdAt: r.createdAt, actorName: r.actorName, target, targetHref };
  });
  return { items, pages: Math.max(1, Math.ceil(total / perPage)) };
}

export type Dashboard = { openReports: number; pending: number; perDay: Array<{ day: string; count: number }>; busiest: Array<{ threadId: number; title: string; count: number; articleId: number | null; articleSlug: string | null }> };

/** Offset of the site's time zone now, in ms: days are counted in the site's time. */
function zoneOffsetMs(at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: siteTimeZone(), timeZoneName: 'longOffset' }).formatToParts(at);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000 : 0;
}

export function dashboard(now = Date.now()): Dashboard {
  const db = getDb().$client;
  const offset = zoneOffsetMs(now);
  const today = Math.floor((now + offset) / 86_400_000);
  const since = (today - 29) * 86_400_000 - offset;
  const counts = new Map(
    (db.prepare('SELECT (created_at + ?) / 86400000 AS day, count(*) AS n FROM comments WHERE created_at >= ? GROUP BY day').all(offset, since) as Array<{ day: number; n: number }>).map((r) => [r.day, r.n]),
  );
  const perDay = Array.from({ length: 30 }, (_, i) => {
    const day = today - 29 + i;
    return { day: new Date(day * 86_400_000).toISOString().slice(0, 10), count: counts.get(day) ?? 0 };
  });
  return {
    openReports: db.prepare('SELECT count(DISTINCT comment_id) FROM reports WHERE resolved_at IS NULL').pluck().get() as number,
    pending: db.prepare(`SELECT count(*) FROM comments WHERE status = 'pending'`).pluck().get() as number,
    perDay,
    busiest: db
      .prepare(
        `SELECT t.id AS threadId, t.title, count(*) AS count, t.article_id AS articleId, a.slug AS articleSlug
           FROM comments c JOIN threads t ON t.id = c.thread_id LEFT JOIN articles a ON a.id = t.article_id
          WHERE c.created_at >= ? GROUP BY t.id ORDER BY count DESC LIMIT 5`,
      )
      .all(today * 86_400_000 - offset) as Dashboard['busiest'],
  };
}
