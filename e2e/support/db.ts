import Database from 'better-sqlite3';
import { registerSearchFunctions } from '../../lib/search/stem';

/** Direct access to the run's throwaway store, for fixtures and for checking what was written. */
export function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(process.env.E2E_DATABASE_FILE!);
  db.pragma('busy_timeout = 5000');
  // The search index's triggers call stem(): a connection without it cannot write articles.
  registerSearchFunctions(db);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

let counter = 0;

/** An article of the test's own, so parallel tests never share its counters. */
export function createArticle(title = `Fixture article ${Date.now()}-${process.pid}-${++counter}`): { id: number; slug: string; title: string; path: string } {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return withDb((db) => {
    const now = Date.now();
    const info = db
      .prepare(
        `INSERT INTO articles (slug, lang, title, views, summary, body, source_key, source_hash, published_at, updated_at)
         VALUES (?, 'en', ?, 0, 'A fixture summary.', '["A fixture paragraph."]', ?, 'fixture', ?, ?)`,
      )
      .run(slug, title, `fixture:${slug}`, now - 365 * 24 * 3600 * 1000, now);
    const id = Number(info.lastInsertRowid);
    db.prepare('INSERT INTO threads (article_id, title) VALUES (?, ?)').run(id, title);
    return { id, slug, title, path: `/news/${id}-${slug}` };
  });
}

export function articleViews(id: number): number {
  return withDb((db) => (db.prepare('SELECT views FROM articles WHERE id = ?').get(id) as { views: number }).views);
}
