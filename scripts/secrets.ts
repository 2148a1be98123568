import { authSecret } from '@/lib/auth/secret';

/** Makes sure AUTH_SECRET is in the environment the server starts with. */
export function ensureSecrets(): void {
  authSecret();
}
