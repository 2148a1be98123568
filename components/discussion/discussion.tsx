import { DiscussionSidebar, type DiscussionItem } from './discussion-sidebar';
import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';

/** Server wrapper: hands the client sidebar its labels in the reader's language. */
export function Discussion({ items, t, locale, reloadHref }: { items: DiscussionItem[]; t: Messages; locale: Locale; reloadHref: string }) {
  return (
    <DiscussionSidebar
      initial={items}
      locale={locale}
      reloadHref={reloadHref}
      labels={{
        discussion: t.discussion,
        comments: t.comments,
        update: t.update,
        updateCount: t.updateCount,
        discussionsWithNews: t.discussionsWithNews,
        updating: t.updating,
        updated: t.updated,
        updateFailed: t.updateFailed,
        lastComment: t.lastComment,
      }}
    />
  );
}
