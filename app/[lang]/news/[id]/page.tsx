import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { CommentsSection } from '@/components/article/comment-prompt';
import { ArticleView } from '@/components/article/article-view';
import { ViewBeacon } from '@/components/article/view-beacon';
import { Discussion } from '@/components/discussion/discussion';
import { WithSidebar } from '@/components/layout/with-sidebar';
import { getArticle } from '@/db/queries/articles';
import { messages } from '@/lib/i18n/messages';
import { discussionItems } from '@/lib/page-data';
import { localeFrom, parseIdSlug } from '@/lib/route-params';
import { articlePath } from '@/lib/slug';

// Counters (views) refresh at most this often; everything else changes through revalidation.
export const revalidate = 60;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ lang: string; id: string }>;

async function load(params: Params) {
  const parsed = parseIdSlug((await params).id);
  const article = parsed ? getArticle(parsed.id) : null;
  if (!parsed || !article) notFound();
  return { parsed, article };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { article } = await load(params);
  return {
    title: article.title,
    description: article.summary ?? undefined,
    alternates: { canonical: articlePath(article) },
  };
}

export default async function ArticlePage({ params }: { params: Params }) {
  const locale = await localeFrom(params);
  const { parsed, article } = await load(params);
  const path = articlePath(article);
  if (parsed.slug !== article.slug) permanentRedirect(path);
  const t = messages(locale);
  return (
    <WithSidebar sidebar={<Discussion items={discussionItems()} t={t} locale={locale} reloadHref={path} />}>
      <ArticleView article={article} locale={locale} t={t} />
      <CommentsSection t={t} returnTo={path} />
      <ViewBeacon articleId={article.id} />
    </WithSidebar>
  );
}
