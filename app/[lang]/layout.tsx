import type { Metadata } from 'next';
import '../globals.css';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { messages } from '@/lib/i18n/messages';
import { localeFrom, type LangParams } from '@/lib/route-params';
import { siteUrl } from '@/lib/site-url';

// Pages are rendered on first request and then served from the cache (ISR); nothing is built
// against whatever database happens to exist at build time.
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: { params: LangParams }): Promise<Metadata> {
  const t = messages(await localeFrom(params));
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: t.siteName, template: `%s — ${t.siteName}` },
    description: t.siteTagline,
  };
}

export default async function LangLayout({ children, params }: { children: React.ReactNode; params: LangParams }) {
  const locale = await localeFrom(params);
  const t = messages(locale);
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          {t.skipToContent}
        </a>
        <SiteHeader t={t} locale={locale} />
        <div className="mx-auto max-w-6xl px-4">{children}</div>
        <SiteFooter t={t} />
      </body>
    </html>
  );
}
