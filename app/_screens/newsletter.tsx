import 'server-only';
import { notFound } from 'next/navigation';
import { Notice } from '@/components/layout/notice';
import { NewsletterBox } from '@/components/newsletter/newsletter-box';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';

export const NEWSLETTER_STATUSES = ['confirmed', 'unsubscribed', 'expired', 'invalid'] as const;
export type NewsletterStatus = (typeof NEWSLETTER_STATUSES)[number];

export function parseNewsletterStatus(raw: string): NewsletterStatus {
  if (!(NEWSLETTER_STATUSES as readonly string[]).includes(raw)) notFound();
  return raw as NewsletterStatus;
}

export function newsletterWords(status: NewsletterStatus, locale: Locale): { title: string; text: string } {
  const t = messages(locale);
  switch (status) {
    case 'confirmed':
      return { title: t.newsletterConfirmedTitle, text: t.newsletterConfirmedText };
    case 'unsubscribed':
      return { title: t.newsletterUnsubscribedTitle, text: t.newsletterUnsubscribedText };
    case 'expired':
      return { title: t.newsletterExpiredTitle, text: t.newsletterExpiredText };
    case 'invalid':
      return { title: t.newsletterInvalidTitle, text: t.newsletterInvalidText };
  }
}

/** Where the newsletter's links land: what happened, and the box to subscribe (again) when useful. */
export function NewsletterStatusScreen({ status, locale }: { status: NewsletterStatus; locale: Locale }) {
  const { title, text } = newsletterWords(status, locale);
  const t = messages(locale);
  return (
    <Notice title={title} backHome={t.backHome}>
      <p className="mt-3 text-lg text-slate-800">{text}</p>
      {status === 'confirmed' ? null : <NewsletterBox locale={locale} />}
    </Notice>
  );
}
