import { SubscribeBox } from './subscribe-box';
import { subscribeAction } from '@/app/[lang]/newsletter/actions';
import type { Locale } from '@/lib/i18n/locales';
import { messages } from '@/lib/i18n/messages';

/** The subscribe box with its action and words, for the sidebar of the home and article pages. */
export function NewsletterBox({ locale }: { locale: Locale }) {
  const t = messages(locale);
  return (
    <SubscribeBox
      action={subscribeAction}
      locale={locale}
      t={{ newsletterHeading: t.newsletterHeading, newsletterLead: t.newsletterLead, email: t.email, subscribe: t.subscribe, subscribeInvalidEmail: t.subscribeInvalidEmail }}
    />
  );
}
