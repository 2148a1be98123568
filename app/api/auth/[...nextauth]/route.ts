import type { NextRequest } from 'next/server';
import { handlers } from '@/auth';
import { problem } from '@/lib/http';
import { route } from '@/lib/route';

export const dynamic = 'force-dynamic';

const CALLBACK_COOKIES = ['authjs.callback-url', '__Secure-authjs.callback-url'];

/** Auth.js's own test of a return address (lib/utils/assert.js): an http(s) URL, or a path. */
function isHttpUrl(value: string, origin: string): boolean {
  try {
    return /^https?:/.test(new URL(value, value.startsWith('/') ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * Auth.js takes a callbackUrl it cannot use (`javascript:…`, `\\host`) in the query or in its
 * callback-url cookie for a configuration error and answers 500. It is the client's: 400, and the
 * cookie is cleared so that a planted one does not break every later request.
 */
function refuseBadCallback(request: NextRequest): Response | null {
  const origin = request.nextUrl.origin;
  const query = request.nextUrl.searchParams.get('callbackUrl');
  // From the raw header, decoded as Auth.js decodes it: Next's parser drops a value that does not decode.
  const cookies = (request.headers.get('cookie') ?? '').split(';').map((pair) => {
    const at = pair.indexOf('=');
    const raw = pair.slice(at + 1).trim();
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // kept as sent
    }
    return { name: pair.slice(0, at).trim(), value };
  });
  const badCookies = CALLBACK_COOKIES.filter((name) => cookies.some((c) => c.name === name && c.value !== '' && !isHttpUrl(c.value, origin)));
  if (!(query && !isHttpUrl(query, origin)) && badCookies.length === 0) return null;
  const response = problem(400, 'That return address is not valid.');
  for (const name of badCookies) response.cookies.set(name, '', { path: '/', maxAge: 0, secure: name.startsWith('__Secure-') });
  return response;
}

export const GET = route({ access: 'public' }, (request: NextRequest) => refuseBadCallback(request) ?? handlers.GET(request));

// Passwords are only ever checked through /api/auth/login, which throttles first; Auth.js's own
// credentials callback is closed so it cannot be used to guess around the throttle.
export const POST = route({ access: 'public', sameOrigin: true }, (request: NextRequest) =>
  request.nextUrl.pathname.includes('/callback/') ? problem(404, 'There is nothing at this address.') : (refuseBadCallback(request) ?? handlers.POST(request)),
);
