import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { Locale } from './i18n/locales';

/** The site's time zone: the portal's times are Moscow time. */
export function siteTimeZone(): string {
  return process.env.SITE_TIME_ZONE || 'Europe/Moscow';
}

/** `dd.mm hh:mm` as the portal's Discussion sidebar shows it. */
export function formatShortDateTime(ms: number): string {
  return format(new TZDate(ms, siteTimeZone()), 'dd.MM HH:mm');
}

/** A full, localised date for article headers and lists. */
export function formatLongDate(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: siteTimeZone(),
  }).format(ms);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB').format(n);
}

/** A comment's time, `dd.mm.yyyy hh:mm` like the portal, in the site's time zone. */
export function formatCommentTime(ms: number): string {
  return format(new TZDate(ms, siteTimeZone()), 'dd.MM.yyyy HH:mm');
}
