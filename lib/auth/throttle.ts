import 'server-only';
import { getDb } from '@/db';
import { bumpCounter, clearCounter, peekCounter } from '@/db/mutations/rate-limits';

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

/** Whether a log-in may even be tried: checked before the password is, so guessing stops. */
export function loginBlocked(email: string, ip: string, now = Date.now()): Blocked | null {
  const db = getDb();
  const account = peekCounter(db, accountKey(email), now);
  if (account.count >= LOGIN_FAILURES_PER_ACCOUNT) return blocked(account.resetAt, now);
  const address = peekCounter(db, addressKey(ip), now);
  if (address.count >= LOGIN_FAILURES_PER_ADDRESS) return blocked(address.resetAt, now);
  return null;
}

export function recordLoginFailure(email: string, ip: string, now = Date.now()): void {
  const db = getDb();
  bumpCounter(db, accountKey(email), WINDOW_MS, now);
  bumpCounter(db, addressKey(ip), WINDOW_MS, now);
}

export function recordLoginSuccess(email: string): void {
  clearCounter(getDb(), accountKey(email));
}

/** Counts a sign-up attempt from an address; null while it is allowed. */
export function registrationBlocked(ip: string, now = Date.now()): Blocked | null {
  const window = bumpCounter(getDb(), `register:ip:${ip}`, REGISTER_WINDOW_MS, now);
  return window.count > REGISTRATIONS_PER_ADDRESS ? blocked(window.resetAt, now) : null;
}
