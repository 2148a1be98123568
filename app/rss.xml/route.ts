import { latestFeedArticles } from '@/db/queries/seo';
import { route } from '@/lib/route';
import { FEED_TTL_MS, memo, xmlHeaders } from '@/lib/seo/cache';
import { FEED_SIZE, siteFeed } from '@/lib/seo/feed';
import { siteUrl } from '@/lib/site-url';

// Per request (a build never reads the store), kept in memory for five minutes.
export const dynamic = 'force-dynamic';

/** RSS 2.0: the 50 latest articles. */
export const GET = route({ access: 'public' }, () => {
  const xml = memo(`rss:${siteUrl()}`, FEED_TTL_MS, () => siteFeed(latestFeedArticles(FEED_SIZE)).rss2());
  return new Response(xml, { headers: xmlHeaders('application/rss+xml') });
});
