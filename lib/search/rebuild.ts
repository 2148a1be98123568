import type Database from 'better-sqlite3';

/**
 * Rebuilds both search indexes from the store, in one transaction. The triggers keep them in step;
 * this is for a changed stemmer or tokenizer (a migration calls the same SQL) and for measuring.
 */
export function rebuildSearchIndex(sqlite: Database.Database): { articles: number; mentions: number } {
  return sqlite.transaction(() => {
    sqlite.prepare(`INSERT INTO article_search (article_search) VALUES ('delete-all')`).run();
    sqlite.prepare(`INSERT INTO mention_search (mention_search) VALUES ('delete-all')`).run();
    const articles = sqlite
      .prepare(`INSERT INTO article_search (rowid, title, summary, body, published_at) SELECT id, stem(title), stem(summary), stem(body), published_at FROM article_search_source`)
      .run().changes;
    const mentions = sqlite.prepare(`INSERT INTO mention_search (rowid, name) SELECT id, stem(name) FROM mentions`).run().changes;
    // Fold the segments the bulk insert left into one: queries read fewer b-trees.
    sqlite.prepare(`INSERT INTO article_search (article_search) VALUES ('optimize')`).run();
    return { articles, mentions };
  }).immediate();
}
