CREATE TABLE `conversations` (
	`channel` text NOT NULL,
	`chat_id` text NOT NULL,
	`flow` text,
	`step` text,
	`state` text,
	`language` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `conversations_pk` ON `conversations` (`channel`,`chat_id`);--> statement-breakpoint
CREATE TABLE `inbound_seen` (
	`channel` text NOT NULL,
	`message_id` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbound_seen_pk` ON `inbound_seen` (`channel`,`message_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`dedupe_key` text,
	`ticket_id` integer,
	`created_at` integer NOT NULL,
	`delivered_at` integer
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe` ON `outbox` (`dedupe_key`) WHERE dedupe_key IS NOT NULL;--> statement-breakpoint
CREATE TABLE `residents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`platform_user_id` text NOT NULL,
	`address` text NOT NULL,
	`language` text DEFAULT 'zh-CN' NOT NULL,
	`pseudonym` text NOT NULL,
	`phone` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `residents_channel_user` ON `residents` (`channel`,`platform_user_id`);--> statement-breakpoint
CREATE TABLE `ticket_counters` (
	`city_id` text NOT NULL,
	`day` text NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_counters_pk` ON `ticket_counters` (`city_id`,`day`);--> statement-breakpoint
CREATE TABLE `ticket_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`type` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`note` text,
	`data` text,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_events_ticket` ON `ticket_events` (`ticket_id`,`id`);--> statement-breakpoint
CREATE TABLE `ticket_photos` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`path` text NOT NULL,
	`mime` text NOT NULL,
	`source` text DEFAULT 'resident' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`city_id` text NOT NULL,
	`kind` text DEFAULT 'report' NOT NULL,
	`state` text NOT NULL,
	`category_id` text,
	`area_id` text,
	`unit_id` text NOT NULL,
	`text` text NOT NULL,
	`lat` real,
	`lon` real,
	`route_confidence` real,
	`resident_id` integer,
	`channel` text NOT NULL,
	`ack_due_at` integer NOT NULL,
	`resolve_due_at` integer NOT NULL,
	`accepted_at` integer,
	`resolved_at` integer,
	`closed_at` integer,
	`escalated_at` integer,
	`reject_reason` text,
	`rating` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `residents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_city_number` ON `tickets` (`city_id`,`number`);--> statement-breakpoint
CREATE INDEX `tickets_unit_state` ON `tickets` (`unit_id`,`state`);--> statement-breakpoint
CREATE INDEX `tickets_resident` ON `tickets` (`resident_id`);