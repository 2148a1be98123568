import { NextResponse } from 'next/server';
import { isLocale, LOCALE_COOKIE } from '@/lib/i18n/locales';
import { problem } from '@/lib/http';
import { route } from '@/lib/route';
import { safeLocalPath } from '@/lib/safe-redirect';

export const dynamic = 'force-dynamic';

/**
 * The language switch: a plain link, so it works without JavaScript. It keeps the choice in a
 * cookie and sends the reader back to the page they were on (only ever a page of this site).
 */
export const GET = route({ access: 'public' }, (request) => {
  const to = request.nextUrl.searchParams.get('to');
  if (!isLocale(to)) return problem(400, 'Choose a language: en or ru.');
  const referer = request.headers.get('referer');
  let back = safeLocalPath(request.nextUrl.searchParams.get('next'));
  if (!back && referer) {
    try {
      const url = new URL(referer);
      if (url.host === request.headers.get('host')) back = safeLocalPath(url.pathname + url.search);
    } catch {
      back = null;
    }
  }
  const response = NextResponse.redirect(new URL(back ?? '/', request.nextUrl.origin), 303);
  response.cookies.set(LOCALE_COOKIE, to, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
  response.headers.set('Cache-Control', 'no-store');
  return response;
});
