import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const syncKindEnum = pgEnum("sync_kind", ["full", "delta", "file"]);
export const syncStatusEnum = pgEnum("sync_status", ["queued", "running", "succeeded", "failed"]);

export type SyncFailure = { asin: string; reason: string };

export const syncRuns = pgTable(
  "sync_runs",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: syncKindEnum("kind").notNull(),
    status: syncStatusEnum("status").notNull().default("queued"),
    trigger: text("trigger").notNull().default("manual"),
    attempt: integer("attempt").notNull().default(1),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    // A running run whose heartbeat is old belongs to a dead process and is taken over.
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    pagesDone: integer("pages_done").notNull().default(0),
    pagesTotal: integer("pages_total"),
    titlesSeen: integer("titles_seen").notNull().default(0),
    titlesTotal: integer("titles_total"),
    added: integer("added").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    removed: integer("removed").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    failures: jsonb("failures")
      .$type<SyncFailure[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    errorCode: text("error_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sync_runs_user_created_idx").on(t.userId, t.createdAt),
    // At most one queued or running run per person, enforced by the database across instances.
    uniqueIndex("sync_runs_one_active_per_user")
      .on(t.userId)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
);
