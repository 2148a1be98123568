import type { Metadata } from 'next';
import { Document } from '@/components/layout/document';
import { messages } from '@/lib/i18n/messages';
import { localeFrom, type LangParams } from '@/lib/route-params';
import { feedAlternates, ogLocale } from '@/lib/seo/metadata';
import { siteUrl } from '@/lib/site-url';

// The anonymous tree: proxy.ts sends readers without a session cookie here. Its pages are rendered
// on first request and then served from the cache (ISR); nothing is built against whatever
// database exists at build time.
export function generateStaticParams() {
  return [];
}

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
  };
}

export default async function AnonymousLayout({ children, params }: { children: React.ReactNode; params: LangParams }) {
  return (
    <Document locale={await localeFrom(params)} viewer={null}>
      {children}
    </Document>
  );
}
