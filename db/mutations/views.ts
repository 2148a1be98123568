import 'server-only';
import type { Db } from '@/db';

/**
 * Adds a batch of counted views in one transaction. Views only ever go up, and an id that is not
 * (or no longer) an article matches no row, so a forged id costs nothing.
 */
export function addViews(db: Db, batch: ReadonlyMap<number, number>): void {
  if (batch.size === 0) return;
  const update = db.$client.prepare('UPDATE articles SET views = views + ? WHERE id = ?');
  db.$client.transaction(() => {
    for (const [id, n] of batch) update.run(n, id);
  })();
}
