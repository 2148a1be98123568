import 'server-only';
import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '@/components/article/article-view';
import { ViewBeacon } from '@/components/article/view-beacon';
import { Discussion } from '@/components/discussion/discussion';
import { WithSidebar } from '@/components/layout/with-sidebar';
import { getArticle } from '@/db/queries/articles';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { discussionItems } from '@/lib/page-data';
import { parseIdSlug } from '@/lib/route-params';
import { articlePath } from '@/lib/slug';
import type { Viewer } from '@/lib/viewer';
import { ArticleRating, ThreadComments } from './comments';
import type { OpenForm } from '@/components/comments/types';

export function loadArticle(rawId: string) {
  const parsed = parseIdSlug(rawId);
  const article = parsed ? getArticle(parsed.id) : null;
  if (!parsed || !article) notFound();
  return { parsed, article };
}

export function articleMetadata(rawId: string): Metadata {
  const { article } = loadArticle(rawId);
  return { title: article.title, description: article.summary ?? undefined, alternates: { canonical: articlePath(article) } };
}

export function ArticleScreen({ rawId, locale, viewer, open = null }: { rawId: string; locale: Locale; viewer: Viewer | null; open?: OpenForm }) {
  const { parsed, article } = loadArticle(rawId);
  const path = articlePath(article);
  if (parsed.slug !== article.slug) permanentRedirect(path);
  const t = messages(locale);
  return (
    <WithSidebar sidebar={<Discussion items={discussionItems()} t={t} locale={locale} reloadHref={path} />}>
      <ArticleView article={article} locale={locale} t={t} ratingControls={<ArticleRating articleId={article.id} viewer={viewer} locale={locale} path={path} />} />
      {article.threadId !== null ? <ThreadComments threadId={article.threadId} page={1} locale={locale} viewer={viewer} open={open} path={path} /> : null}
      <ViewBeacon articleId={article.id} />
    </WithSidebar>
  );
}
