import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { siteTimeZone } from '@/lib/dates';

export const SEEN_COOKIE = 'seen';
const MAX_IDS = 300;

/** Today's date in the site's time zone: a view counts once per browser per article per day. */
export function today(now = Date.now()): string {
  return format(new TZDate(now, siteTimeZone()), 'yyyyMMdd');
}

/** The cookie holds `<day>.<id>-<id>…`: the articles this browser was counted for today. */
export function parseSeen(value: string | undefined, day: string): number[] {
  if (!value) return [];
  const [cookieDay, list] = value.split('.', 2);
  if (cookieDay !== day || !list) return [];
  return list
    .split('-')
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
}

export function serializeSeen(day: string, ids: number[]): string {
  return `${day}.${ids.slice(-MAX_IDS).join('-')}`;
}
