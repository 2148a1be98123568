import type { Metadata } from 'next';
import { BilingualNotice } from '@/components/layout/bilingual-notice';
import { Document } from '@/components/layout/document';
import { messages } from '@/lib/i18n/messages';

// The one 404 document that is real HTML. Next 16 sends a page that calls notFound() as a bare
// error document (the notice exists only in the script payload: blank without JavaScript,
// vercel/next.js#98954); scripts/serve.mjs answers those with this page's prerendered HTML
// (lib/server/not-found-document.mjs). The language is unknown here, so the notice is bilingual.
export const metadata: Metadata = {
  title: `${messages('en').notFoundTitle} · ${messages('ru').notFoundTitle} — ${messages('en').siteName}`,
  robots: { index: false },
};

export default function GlobalNotFound() {
  return (
    <Document locale="en" viewer={null}>
      <BilingualNotice kind="notFound" />
    </Document>
  );
}
