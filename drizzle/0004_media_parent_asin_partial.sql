DROP INDEX "media_parent_asin_idx";--> statement-breakpoint
CREATE INDEX "media_parent_asin_idx" ON "media" USING btree ("parent_asin") WHERE "media"."parent_asin" is not null;