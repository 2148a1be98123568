import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * AUTH_SECRET signs and encrypts session tokens. When the operator sets none, one is generated on
 * first start and kept beside the database (mode 0600), so a fresh install just runs and a restart
 * keeps everyone signed in.
 */
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const dbFile = path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_FILE ?? path.join('data', 'courier.db'));
  const file = path.join(path.dirname(dbFile), 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process won the race to create it: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  process.env.AUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
  return process.env.AUTH_SECRET;
}
