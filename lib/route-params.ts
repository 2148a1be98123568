import { notFound } from 'next/navigation';
import { z } from 'zod';
import { isLocale, type Locale } from './i18n/locales';

export type LangParams = Promise<{ lang: string }>;

/** The UI language from the (proxy-rewritten) first path segment; anything else is not a page. */
export async function localeFrom(params: LangParams): Promise<Locale> {
  const { lang } = await params;
  if (!isLocale(lang)) notFound();
  return lang;
}

const idAndSlug = z.string().regex(/^(\d{1,15})(?:-([a-z0-9-]*))?$/);

/** `/news/<id>-<slug>`: the id decides; a missing or outdated slug is corrected by the page. */
export function parseIdSlug(raw: string): { id: number; slug: string | null } | null {
  // The segment may arrive decoded already: a literal `%` (from `%25`) does not decode again.
  let segment: string;
  try {
    segment = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const parsed = idAndSlug.safeParse(segment);
  if (!parsed.success) return null;
  const [, id, slug] = /^(\d+)(?:-(.*))?$/.exec(parsed.data) ?? [];
  const n = Number(id);
  return Number.isSafeInteger(n) && n > 0 ? { id: n, slug: slug ?? null } : null;
}

/** A positive page number from a path segment, or null (→ 404). */
export function parsePageNumber(raw: string): number | null {
  if (!/^[1-9]\d{0,6}$/.test(raw)) return null;
  return Number(raw);
}
