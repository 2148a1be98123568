import type { DiscussionItem } from '@/components/discussion/discussion-sidebar';
import type { DiscussionEntry } from '@/db/queries/discussion';
import { formatShortDateTime, isoDate } from './dates';
import { articlePath } from './slug';

export function threadHref(entry: { id: number; articleId: number | null; articleSlug: string | null }): string {
  return entry.articleId !== null && entry.articleSlug !== null
    ? articlePath({ id: entry.articleId, slug: entry.articleSlug })
    : `/threads/${entry.id}`;
}

/** Shapes sidebar rows for the client: times are formatted here so no date library ships to the browser. */
export function toDiscussionItems(entries: DiscussionEntry[]): DiscussionItem[] {
  return entries.map((e) => ({
    id: e.id,
    title: e.title,
    href: threadHref(e),
    commentCount: e.commentCount,
    timeText: formatShortDateTime(e.lastCommentAt),
    datetime: isoDate(e.lastCommentAt),
  }));
}
