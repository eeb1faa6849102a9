CREATE TYPE "public"."content_type" AS ENUM('book', 'podcast', 'episode');--> statement-breakpoint
CREATE TYPE "public"."listen_status" AS ENUM('want_to_listen', 'listening', 'finished');--> statement-breakpoint
CREATE TYPE "public"."media_source" AS ENUM('audible');--> statement-breakpoint
CREATE TYPE "public"."sync_kind" AS ENUM('full', 'delta', 'file');--> statement-breakpoint
CREATE TYPE "public"."sync_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "media" (
	"id" text PRIMARY KEY NOT NULL,
	"source" "media_source" DEFAULT 'audible' NOT NULL,
	"marketplace" text NOT NULL,
	"asin" text NOT NULL,
	"title" text NOT NULL,
	"subtitle" text,
	"authors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"narrators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"series" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"series_title" text,
	"series_sequence" text,
	"series_sort_key" double precision,
	"primary_author" text,
	"runtime_minutes" integer,
	"release_date" text,
	"publisher" text,
	"language" text,
	"format_type" text,
	"content_type" "content_type" DEFAULT 'book' NOT NULL,
	"parent_asin" text,
	"cover_urls" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rating_overall" real,
	"rating_performance" real,
	"rating_story" real,
	"rating_count" integer,
	"genres" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description_html" text,
	"description_text" text,
	"search_text" text DEFAULT '' NOT NULL,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_media" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"media_id" text NOT NULL,
	"status" "listen_status" DEFAULT 'want_to_listen' NOT NULL,
	"progress_percent" real DEFAULT 0 NOT NULL,
	"finished_at" timestamp with time zone,
	"my_rating_overall" real,
	"my_rating_performance" real,
	"my_rating_story" real,
	"purchased_at" timestamp with time zone,
	"added_at" timestamp with time zone,
	"origin" text,
	"plan_ends_at" timestamp with time zone,
	"is_plus_catalog" boolean DEFAULT false NOT NULL,
	"removed_at" timestamp with time zone,
	"state_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" "sync_kind" NOT NULL,
	"status" "sync_status" DEFAULT 'queued' NOT NULL,
	"trigger" text DEFAULT 'manual' NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"pages_done" integer DEFAULT 0 NOT NULL,
	"pages_total" integer,
	"titles_seen" integer DEFAULT 0 NOT NULL,
	"titles_total" integer,
	"added" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"removed" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"failures" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "import_podcast_episodes" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "audible_accounts" ADD COLUMN "state_token" text;--> statement-breakpoint
ALTER TABLE "audible_accounts" ADD COLUMN "last_full_sync_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "user_media" ADD CONSTRAINT "user_media_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_media" ADD CONSTRAINT "user_media_media_id_media_id_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "media_source_marketplace_asin_key" ON "media" USING btree ("source","marketplace","asin");--> statement-breakpoint
CREATE INDEX "media_parent_asin_idx" ON "media" USING btree ("parent_asin");--> statement-breakpoint
CREATE UNIQUE INDEX "user_media_user_media_key" ON "user_media" USING btree ("user_id","media_id");--> statement-breakpoint
CREATE INDEX "user_media_user_added_idx" ON "user_media" USING btree ("user_id","added_at");--> statement-breakpoint
CREATE INDEX "user_media_user_status_idx" ON "user_media" USING btree ("user_id","status");--> statement-breakpoint
CREATE INDEX "sync_runs_user_created_idx" ON "sync_runs" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sync_runs_one_active_per_user" ON "sync_runs" USING btree ("user_id") WHERE "sync_runs"."status" in ('queued', 'running');