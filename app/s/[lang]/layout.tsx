import type { Metadata } from 'next';
import { logoutAction } from './actions';
import { Document } from '@/components/layout/document';
import { messages } from '@/lib/i18n/messages';
import { localeFrom, type LangParams } from '@/lib/route-params';
import { getViewer } from '@/lib/session';
import { siteUrl } from '@/lib/site-url';

// The signed-in tree: proxy.ts sends requests that carry a session cookie here. Rendered per
// request, with the viewer checked against the database every time.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: LangParams }): Promise<Metadata> {
  const t = messages(await localeFrom(params));
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: t.siteName, template: `%s — ${t.siteName}` },
    description: t.siteTagline,
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
