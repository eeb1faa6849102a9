CREATE TYPE "public"."audible_account_status" AS ENUM('connected', 'reauth_required');--> statement-breakpoint
CREATE TABLE "audible_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"marketplace" text NOT NULL,
	"amazon_user_id" text NOT NULL,
	"customer_name" text,
	"device_serial" text NOT NULL,
	"device_name" text NOT NULL,
	"access_token_enc" text NOT NULL,
	"refresh_token_enc" text NOT NULL,
	"adp_token_enc" text NOT NULL,
	"device_private_key_enc" text NOT NULL,
	"cookies_enc" text NOT NULL,
	"key_id" text NOT NULL,
	"access_token_expires_at" timestamp with time zone NOT NULL,
	"status" "audible_account_status" DEFAULT 'connected' NOT NULL,
	"connected_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sync_at" timestamp with time zone,
	"last_sync_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"user_id" text NOT NULL,
	"action" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "connect_attempts" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"marketplace" text NOT NULL,
	"device_serial" text NOT NULL,
	"code_verifier_enc" text NOT NULL,
	"key_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audible_accounts" ADD CONSTRAINT "audible_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connect_attempts" ADD CONSTRAINT "connect_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audible_accounts_user_id_key" ON "audible_accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audible_accounts_amazon_user_id_idx" ON "audible_accounts" USING btree ("amazon_user_id");--> statement-breakpoint
CREATE INDEX "audible_accounts_last_sync_at_idx" ON "audible_accounts" USING btree ("last_sync_at");--> statement-breakpoint
CREATE INDEX "audible_accounts_sync_error_idx" ON "audible_accounts" USING btree ("last_sync_at","last_sync_error");--> statement-breakpoint
CREATE INDEX "audible_accounts_key_id_idx" ON "audible_accounts" USING btree ("key_id");--> statement-breakpoint
CREATE INDEX "audit_log_user_created_idx" ON "audit_log" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "connect_attempts_user_id_idx" ON "connect_attempts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "connect_attempts_expires_at_idx" ON "connect_attempts" USING btree ("expires_at");