import '@/app/globals.css';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import type { Viewer } from '@/lib/viewer';

type Props = {
  locale: Locale;
  viewer: Viewer | null;
  logoutAction?: (form: FormData) => Promise<void>;
  children: React.ReactNode;
};

/** The page frame shared by the cached (anonymous) and the signed-in page trees. */
export function Document({ locale, viewer, logoutAction, children }: Props) {
  const t = messages(locale);
  return (
    <html lang={locale}>
      <body>
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
          {t.skipToContent}
        </a>
        <SiteHeader t={t} locale={locale} viewer={viewer} logoutAction={logoutAction} />
        <div className="mx-auto max-w-6xl px-4">{children}</div>
        <SiteFooter t={t} />
      </body>
    </html>
  );
}
