import type { Locale } from './i18n/locales';

/** The site's time zone: the portal's times are Moscow time. */
export function siteTimeZone(): string {
  return process.env.SITE_TIME_ZONE || 'Europe/Moscow';
}

// One formatter per time zone, made once: a page of 50 comments formats 50+ times, and building a
// zoned date per call showed up in the signed-in article's profile.
const numericParts = new Map<string, Intl.DateTimeFormat>();
function partsOf(ms: number): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  const zone = siteTimeZone();
  let f = numericParts.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    numericParts.set(zone, f);
  }
  const out = { day: '', month: '', year: '', hour: '', minute: '' };
  for (const p of f.formatToParts(ms)) if (p.type in out) out[p.type as keyof typeof out] = p.value;
  return out;
}

/** `dd.mm hh:mm` as the portal's Discussion sidebar shows it. */
export function formatShortDateTime(ms: number): string {
  const p = partsOf(ms);
  return `${p.day}.${p.month} ${p.hour}:${p.minute}`;
}

const longFormats = new Map<string, Intl.DateTimeFormat>();

/** A full, localised date for article headers and lists. */
export function formatLongDate(ms: number, locale: Locale): string {
  const zone = siteTimeZone();
  const key = `${locale} ${zone}`;
  let f = longFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: zone });
    longFormats.set(key, f);
  }
  return f.format(ms);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB').format(n);
}

/** A comment's time, `dd.mm.yyyy hh:mm` like the portal, in the site's time zone. */
export function formatCommentTime(ms: number): string {
  const p = partsOf(ms);
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}
