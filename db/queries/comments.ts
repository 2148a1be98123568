import 'server-only';
import { getDb } from '@/db';
import { treeOrder } from '@/lib/comments/tree';
import { formatCommentTime } from '@/lib/dates';
import { packPages, pageOfRoot, type PageRange, type RootSize } from '@/lib/comments/pages';
import { EDIT_WINDOW_MS, type CommentDTO } from '@/lib/comments/types';

type Row = {
  id: number;
  threadId: number;
  number: number;
  parentId: number | null;
  parentNumber: number | null;
  parentAuthor: string | null;
  parentAuthorDeleted: number | null;
  depth: number;
  authorId: number;
  authorName: string;
  authorDeleted: number;
  body: string;
  status: CommentDTO['status'];
  moderationReason: string | null;
  upvotes: number;
  downvotes: number;
  createdAt: number;
  editedAt: number | null;
  myVote: number | null;
  reportedByMe: number;
};

const SELECT = `
  SELECT c.id, c.thread_id AS threadId, c.number, c.parent_id AS parentId, p.number AS parentNumber,
         pu.name AS parentAuthor, pu.deleted_at IS NOT NULL AS parentAuthorDeleted, c.depth,
         c.author_id AS authorId, u.name AS authorName, u.deleted_at IS NOT NULL AS authorDeleted,
         c.body, c.status, c.moderation_reason AS moderationReason, c.upvotes, c.downvotes,
         c.created_at AS createdAt, c.edited_at AS editedAt, v.value AS myVote,
         EXISTS (SELECT 1 FROM reports r WHERE r.comment_id = c.id AND r.reporter_id = @viewer) AS reportedByMe
    FROM comments c
    JOIN users u ON u.id = c.author_id
    LEFT JOIN comments p ON p.id = c.parent_id
    LEFT JOIN users pu ON pu.id = p.author_id
    LEFT JOIN comment_votes v ON v.comment_id = c.id AND v.user_id = @viewer`;

// Held comments are seen by their author and nobody else (moderators see them in /admin).
const SEEN_BY_VIEWER = `(c.status != 'pending' OR c.author_id = @viewer)`;

function toDTO(r: Row, viewerId: number, now = Date.now()): CommentDTO {
  const readable = r.status === 'visible' || r.status === 'pending';
  return {
    id: r.id,
    threadId: r.threadId,
    number: r.number,
    parentId: r.parentId,
    parentNumber: r.parentNumber,
    parentAuthor: r.parentAuthorDeleted ? null : r.parentAuthor,
    depth: r.depth,
    author: { id: r.authorId, name: r.authorDeleted ? '' : r.authorName, deleted: !!r.authorDeleted },
    body: readable ? r.body : '',
    status: r.status,
    moderationReason: r.status === 'hidden' ? r.moderationReason : null,
    upvotes: r.upvotes,
    downvotes: r.downvotes,
    createdAt: r.createdAt,
    timeText: formatCommentTime(r.createdAt),
    editedAt: r.editedAt,
    myVote: r.myVote ?? 0,
    reportedByMe: !!r.reportedByMe,
    editable: readable && r.authorId === viewerId && now < r.createdAt + EDIT_WINDOW_MS,
  };
}

export type CommentPage = { comments: CommentDTO[]; page: number; pages: number };

/** Where a thread's pages begin and end (lib/comments/pages.ts): one pass over the thread's index. */
function threadPages(threadId: number): PageRange[] {
  const sizes = getDb()
    .$client.prepare('SELECT root_id AS rootId, count(*) AS size FROM comments WHERE thread_id = ? GROUP BY root_id ORDER BY root_id')
    .all(threadId) as RootSize[];
  return packPages(sizes);
}

/** A page of a thread: top-level comments with all their replies, in tree order, about COMMENTS_PER_PAGE in all. */
export function listThreadComments(threadId: number, viewerId: number | null, page = 1): CommentPage {
  const viewer = viewerId ?? -1;
  const ranges = threadPages(threadId);
  const pages = Math.max(1, ranges.length);
  const range = ranges[page - 1];
  if (!range) return { comments: [], page, pages };
  const rows = getDb()
    .$client.prepare(`${SELECT} WHERE c.thread_id = @thread AND c.root_id BETWEEN @first AND @last AND ${SEEN_BY_VIEWER}`)
    .all({ thread: threadId, viewer, first: range.first, last: range.last }) as Row[];
  return { comments: treeOrder(rows.map((r) => toDTO(r, viewer))), page, pages };
}

/** The page of its thread that shows a comment, by its top-level comment (1 when there is none yet). */
export function commentPageOf(threadId: number, rootId: number): number {
  return pageOfRoot(threadPages(threadId), rootId);
}

/** Comments numbered after `afterNumber`, for the "Show N new comments" button. */
export function listCommentsAfter(threadId: number, afterNumber: number, viewerId: number | null, limit = 200): CommentDTO[] {
  const rows = getDb()
    .$client.prepare(`${SELECT} WHERE c.thread_id = @thread AND c.number > @after AND ${SEEN_BY_VIEWER} ORDER BY c.number LIMIT @limit`)
    .all({ thread: threadId, after: afterNumber, viewer: viewerId ?? -1, limit }) as Row[];
  return rows.map((r) => toDTO(r, viewerId ?? -1));
}

export function getCommentDTO(commentId: number, viewerId: number | null): CommentDTO | null {
  const row = getDb()
    .$client.prepare(`${SELECT} WHERE c.id = @id AND ${SEEN_BY_VIEWER}`)
    .get({ id: commentId, viewer: viewerId ?? -1 }) as Row | undefined;
  return row ? toDTO(row, viewerId ?? -1) : null;
}

export type UserComment = { id: number; number: number; body: string; createdAt: number; threadId: number; threadTitle: string; articleId: number | null; articleSlug: string | null };

/** A profile's list: the user's visible comments, newest first. */
export function listUserComments(userId: number, page: number, perPage = 20): { items: UserComment[]; pages: number } {
  const db = getDb().$client;
  const total = (db.prepare(`SELECT count(*) AS n FROM comments WHERE author_id = ? AND status = 'visible'`).get(userId) as { n: number }).n;
  const items = db
    .prepare(
      `SELECT c.id, c.number, c.body, c.created_at AS createdAt, t.id AS threadId, t.title AS threadTitle, t.article_id AS articleId, a.slug AS articleSlug
         FROM comments c JOIN threads t ON t.id = c.thread_id LEFT JOIN articles a ON a.id = t.article_id
        WHERE c.author_id = ? AND c.status = 'visible' ORDER BY c.created_at DESC, c.id DESC LIMIT ? OFFSET ?`,
    )
    .all(userId, perPage, (page - 1) * perPage) as UserComment[];
  return { items, pages: Math.max(1, Math.ceil(total / perPage)) };
}

/** The thread an article's comments live in. */
export function threadOfArticle(articleId: number): number | null {
  return (getDb().$client.prepare('SELECT id FROM threads WHERE article_id = ?').pluck().get(articleId) as number | undefined) ?? null;
}

export function myArticleVote(articleId: number, viewerId: number): number {
  return (getDb().$client.prepare('SELECT value FROM article_votes WHERE article_id = ? AND user_id = ?').pluck().get(articleId, viewerId) as number | undefined) ?? 0;
}
