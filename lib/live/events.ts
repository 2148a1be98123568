// What travels on the live stream. The write path publishes these after its transaction commits;
// pages subscribe through one EventSource per tab (components/live/).

/** A thread's place in the Discussion sidebar changed (new, edited, hidden or deleted comment). */
export type ThreadEvent = {
  type: 'thread';
  threadId: number;
  title: string;
  href: string;
  commentCount: number;
  /** Epoch ms of the latest visible comment, or null when none is left. */
  lastCommentAt: number | null;
};

/** A comment appeared in a thread (visible to everyone). */
export type CommentAddedEvent = { type: 'comment-added'; threadId: number; commentId: number; number: number; authorId: number };

/** A comment's text changed, or it was deleted, hidden or restored. Clients re-fetch it. */
export type CommentChangedEvent = {
  type: 'comment-changed';
  threadId: number;
  commentId: number;
  change: 'edited' | 'deleted' | 'hidden' | 'restored' | 'voted';
};

/** Article counters (comments, rating) changed. */
export type CountersEvent = { type: 'counters'; articleId: number; commentCount: number; rating: number };

export type LiveEvent = ThreadEvent | CommentAddedEvent | CommentChangedEvent | CountersEvent;

/** As delivered: with the stream's monotonically increasing id (SSE `id:`), for Last-Event-ID catch-up. */
export type DeliveredEvent = LiveEvent & { id: number };
