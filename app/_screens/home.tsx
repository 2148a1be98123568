import 'server-only';
import { notFound } from 'next/navigation';
import { ArticleList } from '@/components/article/article-list';
import { Discussion } from '@/components/discussion/discussion';
import { WithSidebar } from '@/components/layout/with-sidebar';
import { NewsletterBox } from '@/components/newsletter/newsletter-box';
import { Pagination } from '@/components/ui/pagination';
import { listLatestArticles } from '@/db/queries/articles';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { discussionItems } from '@/lib/page-data';

const hrefFor = (page: number) => (page === 1 ? '/' : `/page/${page}`);

/** The front page and its archive pages share one body. */
export function HomePage({ locale, page }: { locale: Locale; page: number }) {
  const t = messages(locale);
  const list = listLatestArticles(page);
  if (page > list.pages) notFound();
  return (
    <WithSidebar sidebar={
        <>
          <Discussion items={discussionItems()} t={t} locale={locale} reloadHref={hrefFor(page)} />
          <NewsletterBox locale={locale} />
        </>
      }>
      <h1 className="text-2xl font-bold">{t.latestNews}</h1>
      <ArticleList items={list.items} locale={locale} t={t} />
      <Pagination page={page} pages={list.pages} hrefFor={hrefFor} t={t} />
    </WithSidebar>
  );
}
