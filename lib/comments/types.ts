/** A comment as every reader-facing view gets it: plain data, no secrets, safe to send to the browser. */
export type CommentDTO = {
  id: number;
  threadId: number;
  number: number;
  parentId: number | null;
  parentNumber: number | null;
  parentAuthor: string | null;
  depth: number;
  author: { id: number; name: string; deleted: boolean };
  /** Empty unless the comment is visible (or pending and the viewer's own). */
  body: string;
  status: 'visible' | 'pending' | 'hidden' | 'deleted';
  moderationReason: string | null;
  upvotes: number;
  downvotes: number;
  createdAt: number;
  /** `dd.mm.yyyy hh:mm` in the site's time zone, formatted on the server. */
  timeText: string;
  editedAt: number | null;
  /** The viewer's own vote on it: 1, -1 or 0. */
  myVote: number;
  reportedByMe: boolean;
  /** The viewer wrote it and may still edit it (15 minutes). */
  editable: boolean;
};

export const COMMENT_MAX = 5000;
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
export const POST_INTERVAL_MS = Number(process.env.COMMENT_INTERVAL_MS) || 15_000;
export const ROOTS_PER_PAGE = 50;
/**
 * A page of comments ends before this many comments (a top-level comment and all its replies count),
 * so that a lively thread's first page stays a page: 50 roots with every reply made hot articles' pages
 * ~1 MB. A single top-level comment with more replies than this still gets a page of its own.
 */
export const COMMENTS_PER_PAGE = 100;
/** Deeper replies stay at this indentation, marked "in reply to …". */
export const MAX_INDENT = 5;
