import type { NewsArticle, WithContext } from 'schema-dts';

/**
 * JSON for an inline <script type="application/ld+json">. `<` is written as \u003c, so no text
 * (a title with "</script>" in it) can close the script early; U+2028/2029 are escaped for old parsers.
 */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export type NewsArticleInput = {
  url: string;
  title: string;
  summary: string | null;
  lang: 'en' | 'ru';
  publishedAt: number;
  updatedAt: number;
  bylineName: string | null;
  outlet: string | null;
  mentions: string[];
  publisher: { name: string; url: string };
};

/** schema.org NewsArticle for an article page. */
export function newsArticleJsonLd(a: NewsArticleInput): WithContext<NewsArticle> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    url: a.url,
    headline: a.title.length > 110 ? `${a.title.slice(0, 109)}…` : a.title,
    name: a.title,
    ...(a.summary ? { description: a.summary } : {}),
    inLanguage: a.lang,
    datePublished: new Date(a.publishedAt).toISOString(),
    dateModified: new Date(Math.max(a.updatedAt, a.publishedAt)).toISOString(),
    ...(a.bylineName ? { author: { '@type': 'Person', name: a.bylineName } } : {}),
    ...(a.outlet ? { isBasedOn: { '@type': 'NewsArticle', publisher: { '@type': 'Organization', name: a.outlet } } } : {}),
    ...(a.mentions.length > 0 ? { keywords: a.mentions.join(', ') } : {}),
    publisher: { '@type': 'Organization', name: a.publisher.name, url: a.publisher.url },
  };
}
