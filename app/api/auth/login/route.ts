import { AuthError as NextAuthError } from 'next-auth';
import { NextResponse } from 'next/server';
import { signIn } from '@/auth';
import { recordLoginSuccess, startLoginAttempt, type Blocked } from '@/lib/auth/throttle';
import { clientIp } from '@/lib/client-ip';
import { isLocale, LOCALE_COOKIE, type Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';
import { route } from '@/lib/route';
import { safeLocalPath } from '@/lib/safe-redirect';
import { normalizeEmail } from '@/lib/validation';

export const dynamic = 'force-dynamic';

/**
 * The log-in form posts here (it works without JavaScript). Unknown e-mail and wrong password get
 * the same answer, after the same argon2 work; repeated failures are throttled per account and
 * per address with 429 and Retry-After before any password is checked (each attempt is counted
 * up front, so parallel guesses are held to the same limits).
 */
export const POST = route({ access: 'public', sameOrigin: true }, async (request) => {
  const form = await request.formData().catch(() => null);
  const email = normalizeEmail(String(form?.get('email') ?? '')).slice(0, 254);
  const password = String(form?.get('password') ?? '').slice(0, 1024);
  const callbackUrl = safeLocalPath(String(form?.get('callbackUrl') ?? '')) ?? '/';
  const cookieLang = request.cookies.get(LOCALE_COOKIE)?.value;
  const locale: Locale = isLocale(cookieLang) ? cookieLang : 'en';
  const ip = clientIp(request.headers);

  const blocked = startLoginAttempt(email, ip);
  if (blocked) return throttled(blocked, locale);

  let ok = false;
  if (email && password) {
    try {
      const result = await signIn('credentials', { email, password, redirect: false });
      ok = typeof result !== 'string' || !result.includes('error=');
    } catch (error) {
      if (!(error instanceof NextAuthError)) throw error;
    }
  }
  const back = (path: string) => NextResponse.redirect(new URL(path, request.nextUrl.origin), 303);
  if (!ok) return back(`/login?error=credentials&callbackUrl=${encodeURIComponent(callbackUrl)}`);
  recordLoginSuccess(email, ip);
  return back(callbackUrl);
});

/** 429 with Retry-After and a page a person can read (this answers a plain form post). */
function throttled(blocked: Blocked, locale: Locale): NextResponse {
  const t = messages(locale);
  const minutes = Math.max(1, Math.ceil(blocked.retryAfterSeconds / 60));
  const text = t.errorThrottled(minutes);
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${t.loginTitle} — ${t.siteName}</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem"><main><h1>${t.loginTitle}</h1><p role="alert">${text}</p><p><a href="/login">${t.loginTitle}</a> · <a href="/">${t.backHome}</a></p></main></body></html>`;
  return new NextResponse(html, {
    status: 429,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(blocked.retryAfterSeconds), 'Cache-Control': 'no-store' },
  });
}
