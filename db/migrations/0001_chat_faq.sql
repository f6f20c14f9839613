CREATE TABLE `faq_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`question` text NOT NULL,
	`variants` text NOT NULL,
	`answer` text NOT NULL,
	`tags` text NOT NULL,
	`source` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `faq_feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`faq_id` text,
	`question` text NOT NULL,
	`resident_id` integer,
	`ticket_id` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `faq_feedback_kind` ON `faq_feedback` (`kind`,`created_at`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resident_id` integer NOT NULL,
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`area_id` text,
	`language` text NOT NULL,
	`tags` text NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_resident` ON `subscriptions` (`resident_id`);--> statement-breakpoint
CREATE INDEX `subscriptions_status` ON `subscriptions` (`status`,`channel`);--> statement-breakpoint
CREATE TABLE `web_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` text NOT NULL,
	`direction` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `web_messages_session` ON `web_messages` (`session_id`,`id`);