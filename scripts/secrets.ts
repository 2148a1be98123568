import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databaseFile } from '@/db/open';

/**
 * AUTH_SECRET signs session tokens. When the operator sets none, one is generated on first start
 * and kept beside the database (mode 0600), so a fresh install just runs and restarts keep sessions.
 */
export function ensureSecrets(): void {
  if (process.env.AUTH_SECRET) return;
  const file = path.join(path.dirname(databaseFile()), 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  process.env.AUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
}
