import 'server-only';
import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ArticleView } from '@/components/article/article-view';
import { ViewBeacon } from '@/components/article/view-beacon';
import { Discussion } from '@/components/discussion/discussion';
import { WithSidebar } from '@/components/layout/with-sidebar';
import { NewsletterBox } from '@/components/newsletter/newsletter-box';
import { getArticle } from '@/db/queries/articles';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { discussionItems } from '@/lib/page-data';
import { parseIdSlug } from '@/lib/route-params';
import { newsArticleJsonLd, serializeJsonLd } from '@/lib/seo/json-ld';
import { absoluteUrl, feedAlternates, ogLocale } from '@/lib/seo/metadata';
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
  const path = articlePath(article);
  const t = messages(article.lang);
  const description = article.summary ?? undefined;
  const author = article.bylineName ?? article.outlet;
  return {
    title: article.title,
    description,
    alternates: { canonical: path, ...feedAlternates() },
    openGraph: {
      type: 'article',
      url: path,
      title: article.title,
      description,
      siteName: t.siteName,
      locale: ogLocale(article.lang),
      publishedTime: new Date(article.publishedAt).toISOString(),
      modifiedTime: new Date(Math.max(article.updatedAt, article.publishedAt)).toISOString(),
      ...(author ? { authors: [author] } : {}),
      ...(article.mentions.length > 0 ? { tags: article.mentions.map((m) => m.name) } : {}),
    },
    twitter: { card: 'summary', title: article.title, description },
  };
}

/** schema.org NewsArticle, as an inline data script (the hashed-script CSP covers it). */
function ArticleJsonLd({ article }: { article: ReturnType<typeof loadArticle>['article'] }) {
  const data = newsArticleJsonLd({
    url: absoluteUrl(articlePath(article)),
    title: article.title,
    summary: article.summary,
    lang: article.lang,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    bylineName: article.bylineName,
    outlet: article.outlet,
    mentions: article.mentions.map((m) => m.name),
    publisher: { name: messages(article.lang).siteName, url: absoluteUrl('/') },
  });
  // serializeJsonLd escapes every "<", so nothing in the article can end the script.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}

export function ArticleScreen({ rawId, locale, viewer, open = null }: { rawId: string; locale: Locale; viewer: Viewer | null; open?: OpenForm }) {
  const { parsed, article } = loadArticle(rawId);
  const path = articlePath(article);
  if (parsed.slug !== article.slug) permanentRedirect(path);
  const t = messages(locale);
  return (
    <WithSidebar sidebar={
        <>
          <Discussion items={discussionItems()} t={t} locale={locale} reloadHref={path} />
          <NewsletterBox locale={locale} />
        </>
      }>
      <ArticleJsonLd article={article} />
      <ArticleView article={article} locale={locale} t={t} ratingControls={<ArticleRating articleId={article.id} viewer={viewer} locale={locale} path={path} />} />
      {article.threadId !== null ? <ThreadComments threadId={article.threadId} page={1} locale={locale} viewer={viewer} open={open} path={path} /> : null}
      <ViewBeacon articleId={article.id} />
    </WithSidebar>
  );
}
