CREATE TABLE `digest_sends` (
	`digest_id` integer NOT NULL,
	`subscriber_id` integer NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`digest_id`, `subscriber_id`),
	FOREIGN KEY (`digest_id`) REFERENCES `digests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`subscriber_id`) REFERENCES `subscribers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `digests` (
	`id` integer PRIMARY KEY NOT NULL,
	`date` text NOT NULL,
	`subject` text NOT NULL,
	`window_start` integer NOT NULL,
	`window_end` integer NOT NULL,
	`article_count` integer NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`lease_until` integer,
	`sent` integer DEFAULT 0 NOT NULL,
	`failed` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `digests_date_unique` ON `digests` (`date`);--> statement-breakpoint
CREATE TABLE `subscribers` (
	`id` integer PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`status` text NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`user_id` integer,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	`unsubscribed_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscribers_email_uq` ON `subscribers` (`email`);--> statement-breakpoint
CREATE INDEX `subscribers_status_idx` ON `subscribers` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `subscribers_user_idx` ON `subscribers` (`user_id`);