import 'server-only';
import { getDb } from '@/db';
import { bumpCounter, clearCounter, unbumpCounter } from '@/db/mutations/rate-limits';

// Failed log-ins: 5 per account and 50 per address in a 15-minute window. A window always ends,
// so the rightful owner is never locked out for good. Tests may shorten the window.
const WINDOW_MS = Number(process.env.AUTH_THROTTLE_WINDOW_MS) || 15 * 60 * 1000;
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_FAILURES_PER_ADDRESS = 50;
// Sign-ups: 50 per address per hour, enough for a newsroom behind one NAT, too few for a bot farm.
const REGISTER_WINDOW_MS = Number(process.env.REGISTER_THROTTLE_WINDOW_MS) || 60 * 60 * 1000;
export const REGISTRATIONS_PER_ADDRESS = Number(process.env.REGISTRATIONS_PER_ADDRESS) || 50;

export type Blocked = { retryAfterSeconds: number };

const accountKey = (email: string) => `login:account:${email}`;
const addressKey = (ip: string) => `login:ip:${ip}`;

function blocked(resetAt: number, now: number): Blocked {
  return { retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)) };
}

/**
 * Counts a log-in attempt, before its password is checked, and says whether it may go on. Counting
 * first, one atomic statement per counter, is what makes the limits hold for parallel guesses: a
 * check that only read the counters let every request in flight pass before the first failure was
 * written (200 parallel guesses from one address had 157 passwords checked, not 50).
 */
export function startLoginAttempt(email: string, ip: string, now = Date.now()): Blocked | null {
  const db = getDb();
  const account = bumpCounter(db, accountKey(email), WINDOW_MS, now);
  const address = bumpCounter(db, addressKey(ip), WINDOW_MS, now);
  if (account.count > LOGIN_FAILURES_PER_ACCOUNT) return blocked(account.resetAt, now);
  if (address.count > LOGIN_FAILURES_PER_ADDRESS) return blocked(address.resetAt, now);
  return null;
}

/** A success: the account starts afresh, and the address gets its attempt back (only failures count). */
export function recordLoginSuccess(email: string, ip: string, now = Date.now()): void {
  const db = getDb();
  clearCounter(db, accountKey(email));
  unbumpCounter(db, addressKey(ip), now);
}

/** Counts a sign-up attempt from an address; null while it is allowed. */
export function registrationBlocked(ip: string, now = Date.now()): Blocked | null {
  const window = bumpCounter(getDb(), `register:ip:${ip}`, REGISTER_WINDOW_MS, now);
  return window.count > REGISTRATIONS_PER_ADDRESS ? blocked(window.resetAt, now) : null;
}
