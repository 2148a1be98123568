import 'server-only';
import { getDb } from '@/db';
import { getSubscriber, type Subscriber } from '@/db/queries/newsletter';
import { parseToken, verifyToken, type Verdict } from './tokens';

/** A link's token checked against the store: the subscriber it names, or why it is refused. */
export function checkLink(purpose: 'confirm' | 'unsubscribe', token: string | null): { verdict: Verdict; subscriber: Subscriber | null } {
  const parsed = token ? parseToken(token) : null;
  if (!parsed) return { verdict: 'invalid', subscriber: null };
  const subscriber = getSubscriber(getDb(), parsed.id);
  if (!subscriber) return { verdict: 'invalid', subscriber: null };
  const verdict = verifyToken(purpose, parsed, subscriber.email);
  return { verdict, subscriber: verdict === 'ok' ? subscriber : null };
}

/** Where a link lands: a page in the subscriber's language (the `/ru/…` form sets it). */
export function landing(status: 'confirmed' | 'unsubscribed' | 'expired' | 'invalid', locale?: string): Response {
  const prefix = locale === 'ru' || locale === 'en' ? `/${locale}` : '';
  return new Response(null, { status: 303, headers: { Location: `${prefix}/newsletter/${status}`, 'Cache-Control': 'no-store' } });
}
