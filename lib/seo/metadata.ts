import type { Metadata } from 'next';
import { siteUrl } from '@/lib/site-url';

/** `<link rel="alternate">` to the site's feeds; pages that set their own `alternates` spread this in. */
export function feedAlternates(): Pick<NonNullable<Metadata['alternates']>, 'types'> {
  return { types: { 'application/rss+xml': '/rss.xml', 'application/atom+xml': '/atom.xml' } };
}

/** An absolute address on this site, from SITE_URL. */
export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Open Graph's locale for a language. */
export function ogLocale(lang: 'en' | 'ru'): string {
  return lang === 'ru' ? 'ru_RU' : 'en_GB';
}
