import { z } from 'zod';
import { getMention } from '@/db/queries/articles';
import { mentionFeedArticles } from '@/db/queries/seo';
import { problem } from '@/lib/http';
import { route } from '@/lib/route';
import { FEED_TTL_MS, memo, xmlHeaders } from '@/lib/seo/cache';
import { FEED_SIZE, mentionFeed } from '@/lib/seo/feed';
import { siteUrl } from '@/lib/site-url';

// Outside [lang]: proxy.ts leaves paths with an extension alone, so this answers /mentions/<slug>/rss.xml itself.
export const dynamic = 'force-dynamic';

/** RSS 2.0: the 50 latest articles that mention someone or something. */
export const GET = route({ access: 'public', params: z.object({ slug: z.string().regex(/^[a-z0-9-]{1,120}$/) }) }, (_request, { params }) => {
  const mention = getMention(params.slug);
  if (!mention) return problem(404, 'There is nothing at this address.');
  const xml = memo(`rss:${siteUrl()}:mention:${mention.slug}`, FEED_TTL_MS, () => mentionFeed(mentionFeedArticles(mention.id, FEED_SIZE), mention).rss2());
  return new Response(xml, { headers: xmlHeaders('application/rss+xml') });
});
