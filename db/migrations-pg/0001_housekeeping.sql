CREATE INDEX "inbound_seen_at" ON "inbound_seen" USING btree ("at");--> statement-breakpoint
CREATE INDEX "outbox_finished" ON "outbox" USING btree ("created_at") WHERE status IN ('delivered', 'failed');--> statement-breakpoint
CREATE INDEX "web_messages_created" ON "web_messages" USING btree ("created_at");