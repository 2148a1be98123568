import { z } from 'zod';
import { sitemapArticles, sitemapCounts, sitemapMentions } from '@/db/queries/seo';
import { problem } from '@/lib/http';
import { route } from '@/lib/route';
import { FEED_TTL_MS, memo, xmlHeaders } from '@/lib/seo/cache';
import { absoluteUrl } from '@/lib/seo/metadata';
import { SITEMAP_LIMIT, urlset } from '@/lib/seo/sitemap';
import { siteUrl } from '@/lib/site-url';
import { articlePath } from '@/lib/slug';

export const dynamic = 'force-dynamic';

/** The parts /sitemap.xml lists when the site has more than 50 000 URLs. */
export const GET = route({ access: 'public', params: z.object({ file: z.string().regex(/^(pages|articles-[1-9]\d{0,4})\.xml$/) }) }, (_request, { params }) => {
  const xml = memo(`sitemap:${siteUrl()}:${params.file}`, FEED_TTL_MS, () => {
    if (params.file === 'pages.xml') {
      const counts = sitemapCounts();
      return urlset([
        { loc: absoluteUrl('/'), lastmod: counts.lastUpdate ?? undefined },
        ...sitemapMentions(SITEMAP_LIMIT - 1).map((m) => ({ loc: absoluteUrl(`/mentions/${m.slug}`) })),
      ]);
    }
    const n = Number(/\d+/.exec(params.file)![0]);
    const articles = sitemapArticles((n - 1) * SITEMAP_LIMIT, SITEMAP_LIMIT);
    return articles.length === 0 ? null : urlset(articles.map((a) => ({ loc: absoluteUrl(articlePath(a)), lastmod: a.lastmod })));
  });
  if (xml === null) return problem(404, 'There is nothing at this address.');
  return new Response(xml, { headers: xmlHeaders('application/xml') });
});
