import { latestFeedArticles } from '@/db/queries/seo';
import { route } from '@/lib/route';
import { FEED_TTL_MS, memo, xmlHeaders } from '@/lib/seo/cache';
import { FEED_SIZE, siteFeed } from '@/lib/seo/feed';
import { siteUrl } from '@/lib/site-url';

export const dynamic = 'force-dynamic';

/** Atom 1.0: the 50 latest articles. */
export const GET = route({ access: 'public' }, () => {
  const xml = memo(`atom:${siteUrl()}`, FEED_TTL_MS, () => siteFeed(latestFeedArticles(FEED_SIZE)).atom1());
  return new Response(xml, { headers: xmlHeaders('application/atom+xml') });
});
