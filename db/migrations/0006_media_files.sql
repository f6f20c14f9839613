CREATE TABLE `media_files` (
	`path` text PRIMARY KEY NOT NULL,
	`saved_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `media_files_saved` ON `media_files` (`saved_at`);