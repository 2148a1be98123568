import { route } from '@/lib/route';
import { absoluteUrl } from '@/lib/seo/metadata';

// Per request: the sitemap's address comes from SITE_URL as the server runs, not as it was built.
export const dynamic = 'force-dynamic';

export const GET = route({ access: 'public' }, () => {
  const body = ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /account', 'Disallow: /api', 'Disallow: /search', '', `Sitemap: ${absoluteUrl('/sitemap.xml')}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } });
});
