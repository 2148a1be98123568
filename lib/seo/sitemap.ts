/** Sitemaps as the protocol has them: at most 50 000 URLs a file, an index above that. */
export const SITEMAP_LIMIT = 50_000;

export type SitemapEntry = { loc: string; lastmod?: number };

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const line = (tag: string, e: SitemapEntry) =>
  `<${tag}><loc>${escapeXml(e.loc)}</loc>${e.lastmod ? `<lastmod>${new Date(e.lastmod).toISOString()}</lastmod>` : ''}</${tag}>`;

export function urlset(entries: SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.map((e) => line('url', e)).join('\n')}\n</urlset>\n`;
}

export function sitemapIndex(entries: SitemapEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.map((e) => line('sitemap', e)).join('\n')}\n</sitemapindex>\n`;
}

/** How the site's URLs are split: one file when they fit, else the pages file plus article files. */
export function sitemapPlan(articles: number, mentions: number): { single: boolean; articleFiles: number } {
  return { single: 1 + articles + mentions <= SITEMAP_LIMIT, articleFiles: Math.max(1, Math.ceil(articles / SITEMAP_LIMIT)) };
}
