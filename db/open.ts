import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { registerSearchFunctions } from '../lib/search/stem';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export function databaseFile(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATABASE_FILE ?? path.join('data', 'courier.db'));
}

// Resolved from the working directory, not __dirname: Next bundles this module elsewhere.
const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');

/**
 * Opens (creating if needed) and migrates a store. Scripts and tests call this directly;
 * the web server goes through getDb() in db/index.ts so it holds exactly one handle.
 */
export function openDb(file: string = databaseFile()): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -32000');
  sqlite.pragma('temp_store = MEMORY');
  // The search triggers call stem() (lib/search/stem.ts): every connection that writes articles needs it.
  registerSearchFunctions(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db as Db;
}
