import 'server-only';
import { openDb, type Db } from './open';

export type { Db } from './open';

// One handle per process, opened on first use rather than at import: `next build` imports this
// module before any data folder exists. globalThis keeps dev-mode reloads from opening more.
const holder = globalThis as typeof globalThis & { __courierDb?: Db };

export function getDb(): Db {
  holder.__courierDb ??= openDb();
  return holder.__courierDb;
}
