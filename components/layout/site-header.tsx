import Link from 'next/link';
import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';

export function SiteHeader({ t, locale }: { t: Messages; locale: Locale }) {
  const other = locale === 'en' ? 'ru' : 'en';
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-2xl font-extrabold tracking-tight text-red-800">
          {t.siteName}
        </Link>
        <nav aria-label={t.mainNav}>
          <ul className="flex items-center gap-4 text-sm">
            <li>
              <a href={`/api/lang?to=${other}`} hrefLang={other} lang={other} className="underline-offset-2 hover:underline">
                {t.switchLanguage}
              </a>
            </li>
            <li>
              <Link href="/login" className="underline-offset-2 hover:underline">
                {t.logIn}
              </Link>
            </li>
            <li>
              <Link href="/register" className="rounded bg-red-800 px-3 py-1.5 font-medium text-white hover:bg-red-900">
                {t.register}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
