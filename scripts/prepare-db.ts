/**
 * Makes the store ready to serve: migrates it, and seeds it from db/seed/ when it holds no
 * articles yet. Run by `npm start` and `npm run dev`, so nobody migrates or seeds by hand.
 */
import { count } from 'drizzle-orm';
import { runImport } from '@/db/import/run-import';
import { databaseFile, openDb, type Db } from '@/db/open';
import { articles } from '@/db/schema';

export async function prepareDb(file = databaseFile()): Promise<void> {
  const db: Db = openDb(file);
  try {
    const n = db.select({ n: count() }).from(articles).get()?.n ?? 0;
    if (n === 0) {
      const result = await runImport(db, ['db/seed']);
      console.log(
        `[courier] seeded ${file}: imported ${result.imported}, updated ${result.updated}, unchanged ${result.unchanged}, failed ${result.failed}`,
      );
      for (const error of result.errors) console.error(`[courier] ${error}`);
    } else {
      console.log(`[courier] store ${file} holds ${n} articles`);
    }
  } finally {
    db.$client.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await prepareDb();
}
