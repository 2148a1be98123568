import crypto from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';

/**
 * Signed links for the newsletter. A confirmation link carries its expiry; an unsubscribe link
 * never expires (an old digest's link must still work). Both are bound to the address, so a row
 * whose address changed does not honour an old link. The key is derived from AUTH_SECRET, so the
 * same secret never signs two kinds of thing.
 */

export const CONFIRM_TTL_MS = 48 * 60 * 60 * 1000;

type Purpose = 'confirm' | 'unsubscribe';

let cachedKey: { secret: string; key: Buffer } | null = null;
function key(): Buffer {
  const secret = authSecret();
  if (cachedKey?.secret !== secret) {
    cachedKey = { secret, key: Buffer.from(crypto.hkdfSync('sha256', secret, 'courier', 'newsletter links v1', 32)) };
  }
  return cachedKey.key;
}

function mac(purpose: Purpose, id: number, email: string, expires: number): string {
  return crypto.createHmac('sha256', key()).update(`${purpose}\n${id}\n${email}\n${expires}`).digest('base64url');
}

export function confirmToken(id: number, email: string, now = Date.now()): string {
  const expires = now + CONFIRM_TTL_MS;
  return `${id}.${expires}.${mac('confirm', id, email, expires)}`;
}

export function unsubscribeToken(id: number, email: string): string {
  return `${id}.0.${mac('unsubscribe', id, email, 0)}`;
}

export type Parsed = { id: number; expires: number; signature: string };

/** Splits a token; null for anything that is not one (so no lookup happens for junk). */
export function parseToken(token: string): Parsed | null {
  const m = /^([1-9]\d{0,15})\.(0|[1-9]\d{0,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  return { id: Number(m[1]), expires: Number(m[2]), signature: m[3]! };
}

export type Verdict = 'ok' | 'expired' | 'invalid';

/** Checks a parsed token against the subscriber's current address, in constant time. */
export function verifyToken(purpose: Purpose, parsed: Parsed, email: string, now = Date.now()): Verdict {
  if (purpose === 'unsubscribe' ? parsed.expires !== 0 : parsed.expires === 0) return 'invalid';
  const expected = Buffer.from(mac(purpose, parsed.id, email, parsed.expires));
  const given = Buffer.from(parsed.signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return 'invalid';
  if (purpose === 'confirm' && parsed.expires <= now) return 'expired';
  return 'ok';
}
