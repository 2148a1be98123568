import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { z } from 'zod';

/** A calendar day as the CLI takes it: `YYYY-MM-DD`, and a real date. */
export const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is written YYYY-MM-DD.')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const probe = new Date(Date.UTC(y, m - 1, d));
    return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
  }, 'That day does not exist.');

export function dayOf(ms: number, timeZone: string): string {
  return format(new TZDate(ms, timeZone), 'yyyy-MM-dd');
}

/** The hour and minute the digest goes out: NEWSLETTER_CRON's when it names one, else 07:00. */
export function sendClock(cron = process.env.NEWSLETTER_CRON): { hour: number; minute: number } {
  const [minute, hour] = (cron ?? '').trim().split(/\s+/);
  const m = Number(minute);
  const h = Number(hour);
  return Number.isInteger(m) && Number.isInteger(h) && m >= 0 && m < 60 && h >= 0 && h < 24 ? { hour: h, minute: m } : { hour: 7, minute: 0 };
}

/**
 * When the digest for `day` counts as sent: now, for today; the usual send time for a past day
 * (catching up after a missed run covers what that day's run would have).
 */
export function sendTimeFor(day: string, now: number, timeZone: string): number {
  if (day === dayOf(now, timeZone)) return now;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const { hour, minute } = sendClock();
  return new TZDate(y, m - 1, d, hour, minute, 0, timeZone).getTime();
}

export function noonOf(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 12, 0, 0, timeZone).getTime();
}
