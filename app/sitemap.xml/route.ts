import { sitemapArticles, sitemapCounts, sitemapMentions } from '@/db/queries/seo';
import { route } from '@/lib/route';
import { FEED_TTL_MS, memo, xmlHeaders } from '@/lib/seo/cache';
import { absoluteUrl } from '@/lib/seo/metadata';
import { SITEMAP_LIMIT, sitemapIndex, sitemapPlan, urlset } from '@/lib/seo/sitemap';
import { siteUrl } from '@/lib/site-url';
import { articlePath } from '@/lib/slug';

export const dynamic = 'force-dynamic';

/**
 * Every article, mention page and the front page. Up to 50 000 URLs this is the sitemap itself;
 * beyond that an index of /sitemaps/pages.xml and /sitemaps/articles-<n>.xml (50 000 each).
 */
export const GET = route({ access: 'public' }, () => {
  const xml = memo(`sitemap:${siteUrl()}`, FEED_TTL_MS, () => {
    const counts = sitemapCounts();
    const plan = sitemapPlan(counts.articles, counts.mentions);
    if (plan.single) {
      return urlset([
        { loc: absoluteUrl('/'), lastmod: counts.lastUpdate ?? undefined },
        ...sitemapArticles(0, SITEMAP_LIMIT).map((a) => ({ loc: absoluteUrl(articlePath(a)), lastmod: a.lastmod })),
        ...sitemapMentions(SITEMAP_LIMIT).map((m) => ({ loc: absoluteUrl(`/mentions/${m.slug}`) })),
      ]);
    }
    return sitemapIndex([
      { loc: absoluteUrl('/sitemaps/pages.xml'), lastmod: counts.lastUpdate ?? undefined },
      ...Array.from({ length: plan.articleFiles }, (_, i) => ({ loc: absoluteUrl(`/sitemaps/articles-${i + 1}.xml`) })),
    ]);
  });
  return new Response(xml, { headers: xmlHeaders('application/xml') });
});
