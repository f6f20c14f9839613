CREATE TABLE "numbered_choices" (
	"channel" text NOT NULL,
	"chat_id" text NOT NULL,
	"data" json NOT NULL,
	"sent_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "numbered_choices_pk" ON "numbered_choices" USING btree ("channel","chat_id");