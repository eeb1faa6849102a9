import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { byteText } from "./byte-text";
import { orderedId } from "./ordered-id";

export const mediaSourceEnum = pgEnum("media_source", ["audible"]);
export const contentTypeEnum = pgEnum("content_type", ["book", "podcast", "episode"]);
export const listenStatusEnum = pgEnum("listen_status", ["want_to_listen", "listening", "finished"]);

export type Contributor = { asin: string | null; name: string };
export type SeriesEntry = { asin: string | null; title: string; sequence: string; sortKey: number | null };

/**
 * The shared catalogue: one row per title per marketplace, whoever owns it. Per-person state lives in
 * user_media. `contentHash` lets a sync skip rows whose catalogue data did not change.
 */
export const media = pgTable(
  "media",
  {
    id: byteText("id")
      .primaryKey()
      .$defaultFn(() => orderedId()),
    source: mediaSourceEnum("source").notNull().default("audible"),
    marketplace: byteText("marketplace").notNull(),
    asin: byteText("asin").notNull(),
    title: text("title").notNull(),
    subtitle: text("subtitle"),
    authors: jsonb("authors")
      .$type<Contributor[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    narrators: jsonb("narrators")
      .$type<Contributor[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    series: jsonb("series")
      .$type<SeriesEntry[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    // The first series, flattened so the library can sort and group by it with an index.
    seriesTitle: text("series_title"),
    seriesSequence: text("series_sequence"),
    seriesSortKey: doublePrecision("series_sort_key"),
    primaryAuthor: text("primary_author"),
    runtimeMinutes: integer("runtime_minutes"),
    releaseDate: text("release_date"),
    publisher: text("publisher"),
    language: text("language"),
    formatType: text("format_type"),
    contentType: contentTypeEnum("content_type").notNull().default("book"),
    parentAsin: byteText("parent_asin"),
    coverUrls: jsonb("cover_urls")
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    ratingOverall: real("rating_overall"),
    ratingPerformance: real("rating_performance"),
    ratingStory: real("rating_story"),
    ratingCount: integer("rating_count"),
    genres: jsonb("genres")
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    descriptionHtml: text("description_html"),
    descriptionText: text("description_text"),
    // Lower-cased title, subtitle, authors, narrators and series: what library search matches against.
    searchText: text("search_text").notNull().default(""),
    contentHash: text("content_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("media_source_marketplace_asin_key").on(t.source, t.marketplace, t.asin),
    // A podcast's episodes by their parent. Books, most rows, have none: they stay out of the index, which
    // every insert of a first import would otherwise update.
    index("media_parent_asin_idx")
      .on(t.parentAsin)
      .where(sql`${t.parentAsin} is not null`),
  ],
);

export const userMedia = pgTable(
  "user_media",
  {
    id: byteText("id")
      .primaryKey()
      .$defaultFn(() => orderedId()),
    userId: byteText("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mediaId: byteText("media_id")
      .notNull()
      .references(() => media.id, { onDelete: "cascade" }),
    status: listenStatusEnum("status").notNull().default("want_to_listen"),
    progressPercent: real("progress_percent").notNull().default(0),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    myRatingOverall: real("my_rating_overall"),
    myRatingPerformance: real("my_rating_performance"),
    myRatingStory: real("my_rating_story"),
    purchasedAt: timestamp("purchased_at", { withTimezone: true }),
    addedAt: timestamp("added_at", { withTimezone: true }),
    origin: text("origin"),
    planEndsAt: timestamp("plan_ends_at", { withTimezone: true }),
    isPlusCatalog: boolean("is_plus_catalog").notNull().default(false),
    // Set when a title was returned or left the library: never deleted, so history and ratings survive.
    removedAt: timestamp("removed_at", { withTimezone: true }),
    stateHash: text("state_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("user_media_user_media_key").on(t.userId, t.mediaId),
    // The library's default page, newest first, read straight off the index: no sort of the whole
    // library per request. Only held titles; the rarely opened "removed" view can afford a sort.
    index("user_media_user_added_live_idx")
      .on(t.userId, t.addedAt.desc().nullsLast(), t.mediaId)
      .where(sql`${t.removedAt} is null`),
    index("user_media_user_status_idx").on(t.userId, t.status),
  ],
);
