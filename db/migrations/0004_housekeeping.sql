CREATE INDEX `inbound_seen_at` ON `inbound_seen` (`at`);--> statement-breakpoint
CREATE INDEX `outbox_finished` ON `outbox` (`created_at`) WHERE status IN ('delivered', 'failed');--> statement-breakpoint
CREATE INDEX `web_messages_created` ON `web_messages` (`created_at`);