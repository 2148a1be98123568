import { NextResponse, type NextRequest } from 'next/server';
import { defaultLocale, isLocale, LOCALE_COOKIE, type Locale } from '@/lib/i18n/locales';

/**
 * Picks the UI language and the page tree and rewrites the request to `/<lang>/…` (cached pages)
 * or `/s/<lang>/…` (signed-in, rendered per request). Cheap routing only: no authorization here;
 * every page, action and route handler checks the viewer itself.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const first = pathname.split('/')[1];

  // The internal signed-in tree is never addressed directly.
  if (first === 's') {
    const url = request.nextUrl.clone();
    url.pathname = pathname.slice(2) || '/';
    return NextResponse.redirect(url, 307);
  }

  // `/ru/…` and `/en/…` are shareable: they switch the language and land on the plain address.
  if (isLocale(first)) {
    const url = request.nextUrl.clone();
    url.pathname = pathname.slice(first.length + 1) || '/';
    const response = NextResponse.redirect(url, 307);
    response.cookies.set(LOCALE_COOKIE, first, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
    return response;
  }

  const url = request.nextUrl.clone();
  // A session cookie (valid or not: the page checks) selects the per-request signed-in tree;
  // everyone else gets the cached pages.
  const tree = hasSessionCookie(request) ? '/s' : '';
  url.pathname = `${tree}/${pickLocale(request)}${pathname === '/' ? '' : pathname}`;
  url.search = search;
  const response = NextResponse.rewrite(url);
  response.headers.set('Vary', 'Cookie, Accept-Language');
  return response;
}

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name));
}

function pickLocale(request: NextRequest): Locale {
  const chosen = request.cookies.get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  const preferred = request.headers.get('accept-language')?.split(',')[0]?.trim().toLowerCase() ?? '';
  return preferred.startsWith('ru') ? 'ru' : defaultLocale;
}

export const config = {
  // Pages only: not route handlers, Next's assets, or files with an extension (feeds, icons).
  matcher: ['/((?!api/|_next/|.*\\.[a-z0-9]+$).*)'],
};
