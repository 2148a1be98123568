import Link from 'next/link';
import { SearchBox } from '@/components/search/search-box';
import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/messages';
import type { Viewer } from '@/lib/viewer';

type Props = { t: Messages; locale: Locale; viewer: Viewer | null; logoutAction?: (form: FormData) => Promise<void> };

export function SiteHeader({ t, locale, viewer, logoutAction }: Props) {
  const other = locale === 'en' ? 'ru' : 'en';
  const linkClass = 'underline-offset-2 hover:underline';
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-2xl font-extrabold tracking-tight text-red-800">
          {t.siteName}
        </Link>
        <SearchBox label={t.siteSearch} submit={t.searchSubmit} />
        <nav aria-label={t.mainNav}>
          <ul className="flex flex-wrap items-center gap-4 text-sm">
            <li>
              <a href={`/api/lang?to=${other}`} hrefLang={other} lang={other} className={linkClass}>
                {t.switchLanguage}
              </a>
            </li>
            {viewer ? (
              <>
                {viewer.role !== 'user' ? (
                  <li>
                    <Link href="/admin" className={linkClass}>
                      {t.moderation}
                    </Link>
                  </li>
                ) : null}
                <li>
                  <Link href="/account" className={`font-semibold ${linkClass}`}>
                    {viewer.name}
                  </Link>
                </li>
                <li>
                  <form action={logoutAction}>
                    <button type="submit" className="rounded border border-slate-300 px-3 py-1.5 font-medium hover:bg-slate-100">
                      {t.logOut}
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href="/login" className={linkClass}>
                    {t.logIn}
                  </Link>
                </li>
                <li>
                  <Link href="/register" className="rounded bg-red-800 px-3 py-1.5 font-medium text-white hover:bg-red-900">
                    {t.register}
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
