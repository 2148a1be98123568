/** Applies the committed migrations to DATABASE_FILE (start-up does this too; this is for operators). */
import { databaseFile, openDb } from '@/db/open';

const file = databaseFile();
openDb(file).$client.close();
console.log(`[courier] ${file} is migrated`);
