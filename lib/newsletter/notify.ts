import 'server-only';
import { getDb } from '@/db';
import { bumpCounter } from '@/db/mutations/rate-limits';
import type { SubscriberStatus } from '@/db/mutations/newsletter';
import type { Locale } from '@/lib/i18n/locales';
import { alreadySubscribedMail, confirmationMail } from './compose';
import { confirmUrl, unsubscribeUrl } from './links';
import { createMailer, type Mailer } from './mailer';

// Subscribing is open to anyone, so it must not become a way to flood someone's inbox: at most
// this many messages per address per hour, whatever the form is sent.
const MAILS_PER_ADDRESS_PER_HOUR = 3;

// One pooled mailer for the server process: confirmations reuse its SMTP connections.
const holder = globalThis as typeof globalThis & { __courierMailer?: Mailer };
const mailer = () => (holder.__courierMailer ??= createMailer());

/**
 * Mails the person who asked to subscribe: a confirmation link for a new or pending address, a
 * notice for one already subscribed. Runs after the response (next/server `after`), so the answer
 * takes the same time either way and says nothing about the address.
 */
export async function notifySubscriber(subscriber: { id: number; status: SubscriberStatus }, email: string, locale: Locale): Promise<void> {
  const window = bumpCounter(getDb(), `newsletter:mail:${email}`, 60 * 60 * 1000);
  if (window.count > MAILS_PER_ADDRESS_PER_HOUR) return;
  const mail =
    subscriber.status === 'confirmed'
      ? alreadySubscribedMail(email, locale, unsubscribeUrl(subscriber.id, email))
      : confirmationMail(email, locale, confirmUrl(subscriber.id, email));
  try {
    const m = mailer();
    await m.send(mail);
    if (!process.env.SMTP_URL) console.log(`[newsletter] no SMTP_URL: wrote a ${subscriber.status === 'confirmed' ? 'notice' : 'confirmation'} to ${m.destination}`);
  } catch (error) {
    console.error('[newsletter] could not send a subscription e-mail:', error instanceof Error ? error.message : error);
  }
}
