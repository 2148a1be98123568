import { getDb } from '@/db';
import { confirmSubscription } from '@/db/mutations/newsletter';
import { checkLink, landing } from '@/lib/newsletter/verify';
import { route } from '@/lib/route';

/**
 * The link in the confirmation e-mail. A GET, because that is what opening a link is; it is
 * idempotent (confirming twice changes nothing) and only ever confirms the address it was sent to.
 */
export const GET = route({ access: 'public' }, (request) => {
  const { verdict, subscriber } = checkLink('confirm', request.nextUrl.searchParams.get('token'));
  if (!subscriber) return landing(verdict === 'expired' ? 'expired' : 'invalid');
  const status = confirmSubscription(getDb(), subscriber.id);
  // An address unsubscribed since the mail was sent stays out: an old link does not undo that.
  return landing(status === 'confirmed' ? 'confirmed' : 'expired', subscriber.locale);
});
