import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { articleMentions, articles, mentions, threads } from '@/db/schema';
import { toSlug } from '@/lib/slug';
import { extractMentions, type ExtractedMention } from './mentions';
import type { Capture, SidebarEntry } from './parse-capture';

export type ImportOutcome = 'imported' | 'updated' | 'unchanged';

export interface ImportSource {
  /** The capture's file name: a re-import of the same file finds its article by it. */
  sourceKey: string;
  /** sha256 of the file's bytes: an equal hash means there is nothing to write. */
  sourceHash: string;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Writes one capture in a single synchronous transaction: either all of it lands or none does.
 * Mentions are worked out before the transaction opens (the NLP pass is the slow part), and only
 * when the stored copy is out of date; the transaction checks the hash again for the final say.
 */
export function importCapture(db: Db, capture: Capture, source: ImportSource): ImportOutcome {
  if (storedHash(db, source.sourceKey) === source.sourceHash) return 'unchanged';
  const found = extractMentions(capture);
  return db.transaction((tx) => {
    const existing = tx
      .select({ id: articles.id, sourceHash: articles.sourceHash })
      .from(articles)
      .where(eq(articles.sourceKey, source.sourceKey))
      .get();
    if (existing?.sourceHash === source.sourceHash) return 'unchanged';

    const articleId = existing ? updateArticle(tx, existing.id, capture, source) : insertArticle(tx, capture, source);
    replaceMentions(tx, articleId, found);
    upsertSidebarThreads(tx, capture.sidebar);
    ensureArticleThread(tx, articleId, capture.title);
    return existing ? 'updated' : 'imported';
    // Immediate: take the write lock up front rather than upgrading a read snapshot mid-way,
    // which fails outright (SQLITE_BUSY) if the web server wrote in between.
  }, { behavior: 'immediate' });
}

function storedHash(db: Db, sourceKey: string): string | undefined {
  return db.select({ sourceHash: articles.sourceHash }).from(articles).where(eq(articles.sourceKey, sourceKey)).get()?.sourceHash;
}

function articleFields(capture: Capture, source: ImportSource) {
  return {
    slug: toSlug(capture.title),
    lang: capture.lang,
    title: capture.title,
    views: capture.views ?? 0,
    rating: capture.rating ?? 0,
    imageCredit: capture.imageCredit,
    outlet: capture.outlet,
    originalHeadline: capture.originalHeadline,
    summary: capture.summary,
    pullQuote: capture.pullQuote,
    bylineName: capture.bylineName,
    bylineOriginal: capture.bylineOriginal,
    body: capture.body,
    rightsLine: capture.rightsLine,
    licenceNote: capture.licenceNote,
    originalLinkText: capture.originalLinkText,
    disclaimer: capture.disclaimer,
    sourceHash: source.sourceHash,
    publishedAt: capture.capturedAt.getTime(),
    updatedAt: Date.now(),
  };
}

function insertArticle(tx: Tx, capture: Capture, source: ImportSource): number {
  const row = tx
    .insert(articles)
    .values({ ...articleFields(capture, source), sourceKey: source.sourceKey, commentCount: capture.comments ?? 0 })
    .returning({ id: articles.id })
    .get();
  return row.id;
}

// comment_count is left alone on update: once the site is live it counts the site's own visible
// comments, which a re-captured page knows nothing about.
function updateArticle(tx: Tx, id: number, capture: Capture, source: ImportSource): number {
  tx.update(articles).set(articleFields(capture, source)).where(eq(articles.id, id)).run();
  return id;
}

function replaceMentions(tx: Tx, articleId: number, found: ExtractedMention[]): void {
  tx.delete(articleMentions).where(eq(articleMentions.articleId, articleId)).run();
  for (const [slug, mention] of bySlug(found)) {
    // The first article to name a mention fixes its name and kind; later ones link to it.
    tx.insert(mentions).values({ slug, name: mention.name, kind: mention.kind }).onConflictDoNothing({ target: mentions.slug }).run();
    const row = tx.select({ id: mentions.id }).from(mentions).where(eq(mentions.slug, slug)).get();
    if (!row) throw new Error(`mention "${mention.name}" vanished while importing`);
    tx.insert(articleMentions).values({ articleId, mentionId: row.id, weight: mention.weight }).run();
  }
}

/** Two names with one slug ("Путин"/"Putin") are one mention: their weights add up. */
function bySlug(found: ExtractedMention[]): Map<string, ExtractedMention> {
  const merged = new Map<string, ExtractedMention>();
  for (const mention of found) {
    if (!/[\p{L}\p{N}]/u.test(mention.name)) continue;
    const slug = toSlug(mention.name);
    const seen = merged.get(slug);
    merged.set(slug, seen ? { ...seen, weight: seen.weight + mention.weight } : mention);
  }
  return merged;
}

/**
 * A sidebar thread is known by its title. Captures taken at different times may disagree: the
 * one that saw the later comment is the more recent view, so only it moves the time and count.
 */
function upsertSidebarThreads(tx: Tx, sidebar: SidebarEntry[]): void {
  for (const entry of sidebar) {
    const sourceKey = `sidebar:${entry.title}`;
    const time = entry.time.getTime();
    const existing = tx
      .select({ id: threads.id, lastCommentAt: threads.lastCommentAt })
      .from(threads)
      .where(eq(threads.sourceKey, sourceKey))
      .get();
    if (!existing) {
      tx.insert(threads)
        .values({ title: entry.title, sourceKey, lastCommentAt: time, commentCount: entry.count, capturedOrder: entry.order })
        .run();
    } else if (existing.lastCommentAt === null || time > existing.lastCommentAt) {
      tx.update(threads)
        .set({ lastCommentAt: time, commentCount: entry.count, capturedOrder: entry.order })
        .where(and(eq(threads.id, existing.id), eq(threads.sourceKey, sourceKey)))
        .run();
    }
  }
}

/** Every article has its own discussion, so comments can attach from the first page view. */
function ensureArticleThread(tx: Tx, articleId: number, title: string): void {
  tx.insert(threads)
    .values({ articleId, title, lastCommentAt: null, commentCount: 0 })
    .onConflictDoUpdate({ target: threads.articleId, set: { title } })
    .run();
}
