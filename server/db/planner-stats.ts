import { getTableColumns, sql } from "drizzle-orm";
import type { Db } from "@/server/db";
import { media } from "@/server/db/schema";

/** Below this many written rows the statistics the planner already has are close enough. */
export const BULK_WRITE_ROWS = 200;

/**
 * The catalogue columns whose statistics a plan depends on: the join key, what the library filters by
 * (type, author and series lists, matched with @>), and what the sync looks titles up by (its unique index
 * spans three columns, so the planner needs each one's statistics to expect one row per ASIN). Sorting and
 * the long texts need none: every library, facet and stats query planned the same with only these as with
 * every column (30 plans compared at 10,000 titles), and ANALYZE took half as long (50 → 23 ms), which a
 * first import waits for at its end.
 */
const PLANNED_MEDIA_COLUMNS = [
  "id",
  "source",
  "marketplace",
  "asin",
  "contentType",
  "parentAsin",
  "authors",
  "series",
] as const satisfies readonly (keyof typeof media.$inferSelect)[];

const plannedMediaColumns = sql.join(
  PLANNED_MEDIA_COLUMNS.map((key) => sql.identifier(getTableColumns(media)[key].name)),
  sql`, `,
);

/**
 * A tenth of Postgres's default: ANALYZE then samples 3,000 rows instead of 30,000 and keeps ten common
 * values per column. Sorting 30,000 jsonb contributor lists took most of its time (150 ms after a
 * 10,000-title import); with the smaller sample the library's list, facet and stats queries plan alike
 * (within 3 ms at 10,000 titles).
 */
const STATISTICS_TARGET = 10;

/**
 * Refreshes the planner's statistics for the library tables after a bulk write. PGlite has no
 * autovacuum, so without this its planner never learns that a table grew, and Postgres's autovacuum
 * catches up only some time later. Planned as if the tables were empty, joining a person's titles to
 * the catalogue became a nested loop with a filter: 43 s after a 10,000-title import instead of tens of
 * milliseconds. Any ANALYZE, whatever its columns, updates the row and page counts.
 */
export async function refreshLibraryStats(db: Db, rowsWritten: number): Promise<void> {
  if (rowsWritten < BULK_WRITE_ROWS) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local default_statistics_target = ${sql.raw(String(STATISTICS_TARGET))}`);
    await tx.execute(sql`analyze media (${plannedMediaColumns}), user_media`);
  });
}
