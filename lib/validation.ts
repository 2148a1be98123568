import { z } from 'zod';
import { isCommonPassword } from './auth/common-passwords';

// Rules for what people type, shared by every form and route that accepts it. Messages are keys
// into the UI dictionary where the UI shows them, plain English where only scripts read them.

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** The address as stored: trimmed and lower-cased, so one person has one account. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z
  .string()
  .trim()
  .max(254, 'That e-mail address is too long.')
  // Refuse control characters outright: an address is never allowed to smuggle in a header.
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'That is not a valid e-mail address.')
  .pipe(z.email('That is not a valid e-mail address.'))
  .transform(normalizeEmail);

export const nameSchema = z
  .string()
  .transform((v) => v.normalize('NFC').trim().replace(/\s+/g, ' '))
  .refine((v) => v.length >= 1, 'Enter a name (it is shown next to your comments).')
  .refine((v) => [...v].length <= 50, 'A name is at most 50 characters.')
  .refine((v) => !/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(v), 'A name cannot hold control or direction-override characters.');

/**
 * OWASP ASVS 5 (V6.2): at least 8 characters, long passphrases allowed, any character, no composition
 * rules, never truncated, and none of the most common passwords. Length counts code points, so a
 * Unicode passphrase is measured as a person sees it.
 */
export const passwordSchema = z
  .string()
  .refine((v) => [...v].length >= PASSWORD_MIN, `A password needs at least ${PASSWORD_MIN} characters.`)
  .refine((v) => [...v].length <= PASSWORD_MAX, `A password is at most ${PASSWORD_MAX} characters.`)
  .refine((v) => !isCommonPassword(v), 'This password is one of the most common ones and easy to guess. Choose another.');
