'use server';

import { after } from 'next/server';
import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/db';
import { requestSubscription } from '@/db/mutations/newsletter';
import { action } from '@/lib/actions';
import { clientIp } from '@/lib/client-ip';
import { messages } from '@/lib/i18n/messages';
import { notifySubscriber } from '@/lib/newsletter/notify';
import { subscriptionBlocked } from '@/lib/newsletter/throttle';
import { emailSchema } from '@/lib/validation';

const schema = z.object({ email: emailSchema, lang: z.enum(['en', 'ru']).catch('en') });

/**
 * The subscribe box. The answer is the same for a new, a pending and an already subscribed address,
 * and the e-mail goes out after the response, so neither words nor timing tell them apart.
 */
export const subscribeAction = action({ access: 'public', schema, keepValues: ['email'] }, async ({ email, lang }) => {
  const t = messages(lang);
  if (subscriptionBlocked(clientIp(await headers()))) return { ok: false, message: t.subscribeTooMany, values: { email } };
  const subscriber = requestSubscription(getDb(), email, lang);
  after(() => notifySubscriber(subscriber, email, lang));
  return { ok: true, message: t.subscribeSent };
});
