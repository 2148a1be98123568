import 'server-only';
import { getDb } from '@/db';
import { bumpCounter } from '@/db/mutations/rate-limits';

// Subscriptions per network address per hour: plenty for a household or an office, too few to
// use the form as a mail cannon. Tests raise it.
const PER_ADDRESS = Number(process.env.SUBSCRIPTIONS_PER_ADDRESS) || 20;
const WINDOW_MS = 60 * 60 * 1000;

export function subscriptionBlocked(ip: string, now = Date.now()): boolean {
  return bumpCounter(getDb(), `newsletter:ip:${ip}`, WINDOW_MS, now).count > PER_ADDRESS;
}
