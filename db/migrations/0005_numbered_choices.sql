CREATE TABLE `numbered_choices` (
	`channel` text NOT NULL,
	`chat_id` text NOT NULL,
	`data` text NOT NULL,
	`sent_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `numbered_choices_pk` ON `numbered_choices` (`channel`,`chat_id`);