import { Feed } from 'feed';
import { messages } from '@/lib/i18n/messages';
import { siteUrl } from '@/lib/site-url';
import { articlePath } from '@/lib/slug';

export const FEED_SIZE = 50;

export type FeedArticle = {
  id: number;
  slug: string;
  title: string;
  summary: string | null;
  bylineName: string | null;
  outlet: string | null;
  publishedAt: number;
  updatedAt: number;
};

type FeedOptions = { title: string; description: string; path: string; rssPath: string; atomPath?: string };

/** RSS 2.0 / Atom for a list of articles, every link absolute (SITE_URL). */
export function buildFeed(items: FeedArticle[], options: FeedOptions): Feed {
  const base = siteUrl();
  const t = messages('en');
  const latest = items.reduce((max, a) => Math.max(max, a.publishedAt), 0);
  const feed = new Feed({
    title: options.title,
    description: options.description,
    id: `${base}${options.path}`,
    link: `${base}${options.path}`,
    language: 'en',
    copyright: t.siteName,
    generator: t.siteName,
    updated: latest ? new Date(latest) : new Date(0),
    feedLinks: { rss: `${base}${options.rssPath}`, ...(options.atomPath ? { atom: `${base}${options.atomPath}` } : {}) },
  });
  for (const a of items) {
    const link = `${base}${articlePath(a)}`;
    const author = a.bylineName ?? a.outlet;
    feed.addItem({
      title: a.title,
      id: link,
      link,
      description: a.summary ?? undefined,
      date: new Date(a.publishedAt),
      published: new Date(a.publishedAt),
      ...(author ? { author: [{ name: author }] } : {}),
    });
  }
  return feed;
}

export function siteFeed(items: FeedArticle[]): Feed {
  const t = messages('en');
  return buildFeed(items, { title: t.siteName, description: t.siteTagline, path: '/', rssPath: '/rss.xml', atomPath: '/atom.xml' });
}

export function mentionFeed(items: FeedArticle[], mention: { slug: string; name: string }): Feed {
  const t = messages('en');
  return buildFeed(items, {
    title: `${t.siteName}: ${t.mentionTitle(mention.name)}`,
    description: t.mentionTitle(mention.name),
    path: `/mentions/${mention.slug}`,
    rssPath: `/mentions/${mention.slug}/rss.xml`,
  });
}
