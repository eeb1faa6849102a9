ALTER TABLE "media" ALTER COLUMN "id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "media" ALTER COLUMN "marketplace" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "media" ALTER COLUMN "asin" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "media" ALTER COLUMN "parent_asin" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "user_media" ALTER COLUMN "id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "user_media" ALTER COLUMN "user_id" SET DATA TYPE text COLLATE "C";--> statement-breakpoint
ALTER TABLE "user_media" ALTER COLUMN "media_id" SET DATA TYPE text COLLATE "C";