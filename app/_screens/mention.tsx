import 'server-only';
import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/article/article-list';
import { Discussion } from '@/components/discussion/discussion';
import { WithSidebar } from '@/components/layout/with-sidebar';
import { Pagination } from '@/components/ui/pagination';
import { getMention, listArticlesMentioning } from '@/db/queries/articles';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { discussionItems } from '@/lib/page-data';

export function loadMention(slug: string) {
  const mention = /^[a-z0-9-]{1,120}$/.test(slug) ? getMention(slug) : null;
  if (!mention) notFound();
  return mention;
}

/** Every article that mentions a person, place, organisation or topic, newest first. */
export function MentionPage({ slug, page, locale }: { slug: string; page: number; locale: Locale }) {
  const t = messages(locale);
  const mention = loadMention(slug);
  const list = listArticlesMentioning(mention.id, page);
  if (page > list.pages) notFound();
  const base = `/mentions/${mention.slug}`;
  const hrefFor = (p: number) => (p === 1 ? base : `${base}/page/${p}`);
  return (
    <WithSidebar sidebar={<Discussion items={discussionItems()} t={t} locale={locale} reloadHref={hrefFor(page)} />}>
      <p className="text-sm uppercase tracking-wide text-slate-500">{t.mentionKinds[mention.kind]}</p>
      <h1 className="text-2xl font-bold">{t.mentionTitle(mention.name)}</h1>
      <p className="mt-1 text-sm text-slate-600">{t.articlesCount(list.total)}</p>
      <ArticleList items={list.items} locale={locale} t={t} />
      <Pagination page={page} pages={list.pages} hrefFor={hrefFor} t={t} />
    </WithSidebar>
  );
}
