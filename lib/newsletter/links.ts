import { siteUrl } from '@/lib/site-url';
import { confirmToken, unsubscribeToken } from './tokens';

export const confirmUrl = (id: number, email: string, now = Date.now()) =>
  `${siteUrl()}/api/newsletter/confirm?token=${encodeURIComponent(confirmToken(id, email, now))}`;

export const unsubscribeUrl = (id: number, email: string) => `${siteUrl()}/api/newsletter/unsubscribe?token=${encodeURIComponent(unsubscribeToken(id, email))}`;
