import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Times are epoch milliseconds (UTC): plain numbers survive every cache and serialisation boundary.

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull(),
    lang: text('lang', { enum: ['en', 'ru'] }).notNull(),
    title: text('title').notNull(),
    views: integer('views').notNull().default(0),
    commentCount: integer('comment_count').notNull().default(0),
    rating: integer('rating').notNull().default(0),
    imageCredit: text('image_credit'),
    outlet: text('outlet'),
    originalHeadline: text('original_headline'),
    summary: text('summary'),
    pullQuote: text('pull_quote'),
    bylineName: text('byline_name'),
    bylineOriginal: text('byline_original'),
    body: text('body', { mode: 'json' }).$type<string[]>().notNull(),
    rightsLine: text('rights_line'),
    licenceNote: text('licence_note'),
    originalLinkText: text('original_link_text'),
    disclaimer: text('disclaimer'),
    // Where the article came from: the capture's file name for imports, 'synthetic:<n>' for the
    // generated corpus. Unique, so a re-import finds and updates its own article.
    sourceKey: text('source_key').notNull(),
    sourceHash: text('source_hash').notNull(),
    publishedAt: integer('published_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('articles_source_key_uq').on(t.sourceKey),
    index('articles_published_idx').on(t.publishedAt, t.id),
  ],
);

export const mentions = sqliteTable(
  'mentions',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['person', 'place', 'organization', 'topic'] }).notNull(),
  },
  (t) => [uniqueIndex('mentions_slug_uq').on(t.slug)],
);

export const articleMentions = sqliteTable(
  'article_mentions',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    mentionId: integer('mention_id')
      .notNull()
      .references(() => mentions.id, { onDelete: 'cascade' }),
    // How often the article names it; the article page lists mentions by it, most named first.
    weight: integer('weight').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.mentionId] }),
    index('article_mentions_mention_idx').on(t.mentionId, t.articleId),
  ],
);

// A discussion. An article's own discussion has article_id set; the portal's other discussions
// (forum threads known only from a capture's sidebar) have none.
export const threads = sqliteTable(
  'threads',
  {
    id: integer('id').primaryKey(),
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    // 'sidebar:<title>' for threads known from a capture's sidebar: a re-import finds its thread.
    sourceKey: text('source_key'),
    lastCommentAt: integer('last_comment_at'),
    commentCount: integer('comment_count').notNull().default(0),
    // Position in the capture's sidebar: breaks ties between equal times as the capture ordered them.
    capturedOrder: integer('captured_order').notNull().default(0),
    // The №N the next comment gets: numbers are handed out in the posting transaction, so they are
    // gapless and never reused, whatever happens to earlier comments.
    nextNumber: integer('next_number').notNull().default(1),
    createdAt: integer('created_at')
      .notNull()
      .default(sql`(unixepoch() * 1000)`),
  },
  (t) => [
    uniqueIndex('threads_article_uq').on(t.articleId),
    uniqueIndex('threads_source_key_uq').on(t.sourceKey),
    index('threads_activity_idx').on(t.lastCommentAt, t.capturedOrder),
  ],
);

export type ArticleRow = typeof articles.$inferSelect;
export type ThreadRow = typeof threads.$inferSelect;

export const userRoles = ['user', 'moderator', 'admin'] as const;
export type UserRole = (typeof userRoles)[number];

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey(),
    // Normalised (trimmed, lower-case) before it is stored: one account per address, whatever the case.
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: userRoles }).notNull().default('user'),
    // Bumped to end every session at once: log out everywhere, password change, ban, role change.
    sessionVersion: integer('session_version').notNull().default(1),
    // Epoch ms until which the user is banned; far in the future for a permanent ban.
    bannedUntil: integer('banned_until'),
    banReason: text('ban_reason'),
    deletedAt: integer('deleted_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

// Fixed-window counters for throttling (log-in failures per account and per address, sign-ups per
// address). In SQLite, so limits hold across restarts.
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: integer('reset_at').notNull(),
});

// One row per log-in. The session token names its row, so logging out (or a stolen cookie being
// replayed after it) is refused even though the token itself is a self-contained JWT.
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const commentStatuses = ['visible', 'pending', 'hidden', 'deleted'] as const;
export type CommentStatus = (typeof commentStatuses)[number];

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey(),
    threadId: integer('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    // №N within the thread, as the portal numbers them; stable forever.
    number: integer('number').notNull(),
    parentId: integer('parent_id'),
    // The top-level comment this one hangs under (itself for top-level ones): pages of a thread are
    // pages of roots, each with all its replies.
    rootId: integer('root_id').notNull(),
    depth: integer('depth').notNull().default(0),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    status: text('status', { enum: commentStatuses }).notNull().default('visible'),
    moderationReason: text('moderation_reason'),
    score: integer('score').notNull().default(0),
    upvotes: integer('upvotes').notNull().default(0),
    downvotes: integer('downvotes').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    editedAt: integer('edited_at'),
  },
  (t) => [
    uniqueIndex('comments_thread_number_uq').on(t.threadId, t.number),
    index('comments_thread_root_idx').on(t.threadId, t.rootId, t.number),
    index('comments_author_idx').on(t.authorId, t.createdAt),
    index('comments_status_idx').on(t.status, t.createdAt),
  ],
);

export const commentVotes = sqliteTable(
  'comment_votes',
  {
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] })],
);

export const articleVotes = sqliteTable(
  'article_votes',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.userId] })],
);

export const reportReasons = ['spam', 'abuse', 'off-topic', 'other'] as const;

export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey(),
    commentId: integer('comment_id')
      .notNull()
      .references(() => comments.id, { onDelete: 'cascade' }),
    reporterId: integer('reporter_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reason: text('reason', { enum: reportReasons }).notNull(),
    details: text('details'),
    createdAt: integer('created_at').notNull(),
    resolvedAt: integer('resolved_at'),
  },
  (t) => [uniqueIndex('reports_once_uq').on(t.commentId, t.reporterId), index('reports_open_idx').on(t.resolvedAt, t.commentId)],
);

export const moderationActions = ['hide', 'restore', 'approve', 'dismiss-reports', 'ban', 'unban', 'make-moderator', 'remove-moderator', 'settings'] as const;

// Every moderator action, on the record: who, what, on what, why, when. Shown in /admin in full
// and at /moderation without private details.
export const moderationLog = sqliteTable(
  'moderation_log',
  {
    id: integer('id').primaryKey(),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id),
    action: text('action', { enum: moderationActions }).notNull(),
    targetType: text('target_type', { enum: ['comment', 'user', 'settings'] }).notNull(),
    targetId: integer('target_id'),
    reason: text('reason'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('moderation_log_time_idx').on(t.createdAt)],
);

// Site settings an admin changes from /admin: pre-moderation and the word lists.
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

// The daily digest's readers. One row per address (stored normalised); only 'confirmed' rows get
// mail. An account's own subscription carries user_id, so deleting the account removes it.
export const subscribers = sqliteTable(
  'subscribers',
  {
    id: integer('id').primaryKey(),
    email: text('email').notNull(),
    status: text('status', { enum: ['pending', 'confirmed', 'unsubscribed'] }).notNull(),
    locale: text('locale', { enum: ['en', 'ru'] }).notNull().default('en'),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: integer('created_at').notNull(),
    confirmedAt: integer('confirmed_at'),
    unsubscribedAt: integer('unsubscribed_at'),
  },
  (t) => [uniqueIndex('subscribers_email_uq').on(t.email), index('subscribers_status_idx').on(t.status, t.id), index('subscribers_user_idx').on(t.userId)],
);

// One row per day's digest. lease_until keeps two senders (cron and a hand-run) from racing.
export const digests = sqliteTable('digests', {
  id: integer('id').primaryKey(),
  date: text('date').notNull().unique(),
  subject: text('subject').notNull(),
  windowStart: integer('window_start').notNull(),
  windowEnd: integer('window_end').notNull(),
  articleCount: integer('article_count').notNull(),
  startedAt: integer('started_at').notNull(),
  finishedAt: integer('finished_at'),
  leaseUntil: integer('lease_until'),
  sent: integer('sent').notNull().default(0),
  failed: integer('failed').notNull().default(0),
});

// Who got which digest. A row is written as 'sending' before the message leaves, so a crashed run
// leaves evidence and a re-run never sends the same digest to the same address twice.
export const digestSends = sqliteTable(
  'digest_sends',
  {
    digestId: integer('digest_id')
      .notNull()
      .references(() => digests.id, { onDelete: 'cascade' }),
    subscriberId: integer('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['sending', 'sent', 'failed', 'interrupted'] }).notNull(),
    error: text('error'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.digestId, t.subscriberId] })],
);
