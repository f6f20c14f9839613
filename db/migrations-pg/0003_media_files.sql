CREATE TABLE "media_files" (
	"path" text PRIMARY KEY NOT NULL,
	"saved_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "media_files_saved" ON "media_files" USING btree ("saved_at");