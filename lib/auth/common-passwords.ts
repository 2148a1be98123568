import { dictionary } from '@zxcvbn-ts/language-common';

// zxcvbn-ts ships a leaked-password list ordered by how often each was seen: its first 10 000
// are "the 10 000 most common passwords" that ASVS asks us to refuse.
let common: Set<string> | null = null;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].slice(0, 10_000).map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}
