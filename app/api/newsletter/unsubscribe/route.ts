import { getDb } from '@/db';
import { unsubscribe } from '@/db/mutations/newsletter';
import { problem } from '@/lib/http';
import { checkLink, landing } from '@/lib/newsletter/verify';
import { route } from '@/lib/route';

/** The unsubscribe link in every digest: takes effect at once, then says so. */
export const GET = route({ access: 'public' }, (request) => {
  const { subscriber } = checkLink('unsubscribe', request.nextUrl.searchParams.get('token'));
  if (!subscriber) return landing('invalid');
  unsubscribe(getDb(), subscriber.id);
  return landing('unsubscribed', subscriber.locale);
});

/**
 * RFC 8058 one-click unsubscribe: the mail provider POSTs `List-Unsubscribe=One-Click` from its own
 * servers, so this is the one write the cross-site check in serve.mjs lets through; the signed
 * token is what authorises it.
 */
export const POST = route({ access: 'public' }, async (request) => {
  const body = await request.text();
  if (body.length > 1000 || !new URLSearchParams(body).has('List-Unsubscribe')) {
    return problem(400, 'A one-click unsubscribe posts List-Unsubscribe=One-Click.');
  }
  const { subscriber } = checkLink('unsubscribe', request.nextUrl.searchParams.get('token'));
  if (!subscriber) return problem(400, 'This unsubscribe link is damaged or incomplete.');
  unsubscribe(getDb(), subscriber.id);
  return new Response('You are unsubscribed from the daily digest.\n', { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
});
