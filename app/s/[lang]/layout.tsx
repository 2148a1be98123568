import type { Metadata } from 'next';
import { logoutAction } from './actions';
import { Document } from '@/components/layout/document';
import { messages } from '@/lib/i18n/messages';
import { localeFrom, type LangParams } from '@/lib/route-params';
import { getViewer } from '@/lib/session';
import { feedAlternates, ogLocale } from '@/lib/seo/metadata';
import { siteUrl } from '@/lib/site-url';

// The signed-in tree: proxy.ts sends requests that carry a session cookie here. Rendered per
// request, with the viewer checked against the database every time.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: LangParams }): Promise<Metadata> {
  const locale = await localeFrom(params);
  const t = messages(locale);
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: t.siteName, template: `%s — ${t.siteName}` },
    description: t.siteTagline,
    // Pages that set alternates of their own (canonical) spread feedAlternates() in again.
    alternates: feedAlternates(),
    // Title and description stay per page: a preview falls back to the page's own <title>.
    openGraph: { type: 'website', siteName: t.siteName, locale: ogLocale(locale) },
    twitter: { card: 'summary' },
    robots: { index: false },
  };
}

export default async function SignedInLayout({ children, params }: { children: React.ReactNode; params: LangParams }) {
  return (
    <Document locale={await localeFrom(params)} viewer={await getViewer()} logoutAction={logoutAction}>
      {children}
    </Document>
  );
}
