CREATE TABLE `article_mentions` (
	`article_id` integer NOT NULL,
	`mention_id` integer NOT NULL,
	`weight` integer DEFAULT 1 NOT NULL,
	PRIMARY KEY(`article_id`, `mention_id`),
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mention_id`) REFERENCES `mentions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `article_mentions_mention_idx` ON `article_mentions` (`mention_id`,`article_id`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`lang` text NOT NULL,
	`title` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`comment_count` integer DEFAULT 0 NOT NULL,
	`rating` integer DEFAULT 0 NOT NULL,
	`image_credit` text,
	`outlet` text,
	`original_headline` text,
	`summary` text,
	`pull_quote` text,
	`byline_name` text,
	`byline_original` text,
	`body` text NOT NULL,
	`rights_line` text,
	`licence_note` text,
	`original_link_text` text,
	`disclaimer` text,
	`source_key` text NOT NULL,
	`source_hash` text NOT NULL,
	`published_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `articles_source_key_uq` ON `articles` (`source_key`);--> statement-breakpoint
CREATE INDEX `articles_published_idx` ON `articles` (`published_at`,`id`);--> statement-breakpoint
CREATE TABLE `mentions` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mentions_slug_uq` ON `mentions` (`slug`);--> statement-breakpoint
CREATE TABLE `threads` (
	`id` integer PRIMARY KEY NOT NULL,
	`article_id` integer,
	`title` text NOT NULL,
	`source_key` text,
	`last_comment_at` integer,
	`comment_count` integer DEFAULT 0 NOT NULL,
	`captured_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `threads_article_uq` ON `threads` (`article_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `threads_source_key_uq` ON `threads` (`source_key`);--> statement-breakpoint
CREATE INDEX `threads_activity_idx` ON `threads` (`last_comment_at`,`captured_order`);