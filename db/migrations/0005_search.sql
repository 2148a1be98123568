-- Full-text search (docs/decisions/0004-search.md). Two contentless FTS5 indexes of Snowball stems:
-- article_search (title, summary, body) and mention_search (mention names); an article's links to
-- mentions are joined at query time, so linking costs the index nothing. stem() is a JavaScript
-- function that db/open.ts registers on every connection (lib/search/stem.ts), so these triggers
-- keep the index in step with every writer; a connection without it cannot write articles at all.
-- Every trigger runs AFTER the change and sets the row to what the source is now, or removes it:
-- contentless_delete replaces and deletes rows without knowing what was indexed before, so no order
-- of cascades, conflict clauses or REPLACEs can leave a stale row behind.

-- What is indexed, as text: the body's paragraphs one per line.
CREATE VIEW `article_search_source` AS
SELECT
  a.`id` AS `id`,
  a.`title` AS `title`,
  a.`summary` AS `summary`,
  a.`published_at` AS `published_at`,
  CASE WHEN json_valid(a.`body`)
    THEN (SELECT group_concat(j.`value`, char(10)) FROM json_each(a.`body`) AS j WHERE j.`type` = 'text')
    ELSE a.`body`
  END AS `body`
FROM `articles` AS a;
--> statement-breakpoint
-- published_at is kept (not indexed) beside the stems: the recency tie-break then needs no look-up
-- in articles, whose rows are large, for each of tens of thousands of matches.
CREATE VIRTUAL TABLE `article_search` USING fts5(
  `title`, `summary`, `body`, `published_at` UNINDEXED,
  content = '', contentless_delete = 1, contentless_unindexed = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `mention_search` USING fts5(
  `name`,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `article_search_insert` AFTER INSERT ON `articles` BEGIN
  INSERT OR REPLACE INTO `article_search` (`rowid`, `title`, `summary`, `body`, `published_at`)
    SELECT `id`, stem(`title`), stem(`summary`), stem(`body`), `published_at` FROM `article_search_source` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `article_search_update` AFTER UPDATE OF `id`, `title`, `summary`, `body`, `published_at` ON `articles`
WHEN old.`id` IS NOT new.`id` OR old.`title` IS NOT new.`title` OR old.`summary` IS NOT new.`summary` OR old.`body` IS NOT new.`body`
  OR old.`published_at` IS NOT new.`published_at`
BEGIN
  DELETE FROM `article_search` WHERE `rowid` = old.`id`;
  INSERT OR REPLACE INTO `article_search` (`rowid`, `title`, `summary`, `body`, `published_at`)
    SELECT `id`, stem(`title`), stem(`summary`), stem(`body`), `published_at` FROM `article_search_source` WHERE `id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `article_search_delete` AFTER DELETE ON `articles` BEGIN
  DELETE FROM `article_search` WHERE `rowid` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `mention_search_insert` AFTER INSERT ON `mentions` BEGIN
  INSERT OR REPLACE INTO `mention_search` (`rowid`, `name`) VALUES (new.`id`, stem(new.`name`));
END;
--> statement-breakpoint
CREATE TRIGGER `mention_search_update` AFTER UPDATE OF `id`, `name` ON `mentions`
WHEN old.`id` IS NOT new.`id` OR old.`name` IS NOT new.`name`
BEGIN
  DELETE FROM `mention_search` WHERE `rowid` = old.`id`;
  INSERT OR REPLACE INTO `mention_search` (`rowid`, `name`) VALUES (new.`id`, stem(new.`name`));
END;
--> statement-breakpoint
CREATE TRIGGER `mention_search_delete` AFTER DELETE ON `mentions` BEGIN
  DELETE FROM `mention_search` WHERE `rowid` = old.`id`;
END;
--> statement-breakpoint
-- Whatever the store already holds.
INSERT INTO `article_search` (`rowid`, `title`, `summary`, `body`, `published_at`)
  SELECT `id`, stem(`title`), stem(`summary`), stem(`body`), `published_at` FROM `article_search_source`;
--> statement-breakpoint
INSERT INTO `mention_search` (`rowid`, `name`) SELECT `id`, stem(`name`) FROM `mentions`;
