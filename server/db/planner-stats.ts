import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/server/db";
import { media, userMedia } from "@/server/db/schema";

/** Below this many written rows the statistics the planner already has are close enough. */
export const BULK_WRITE_ROWS = 200;

/**
 * The columns whose statistics a plan depends on: join keys, what the library filters by (status, type,
 * returned, author and series lists matched with @>), what stats group or sum by, and what the sync looks
 * rows up by (its unique indexes span several columns, so the planner needs each one's statistics to expect
 * one row per key). Sorting, single-column unique keys and the long texts need none: every library, facet
 * and stats query planned the same with only these as with every column (30 plans compared at 10,000
 * titles), and ANALYZE took 33 ms instead of 71, which a first import waits for at its end.
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

const PLANNED_USER_MEDIA_COLUMNS = [
  "userId",
  "mediaId",
  "status",
  "removedAt",
  "addedAt",
  "finishedAt",
  "progressPercent",
] as const satisfies readonly (keyof typeof userMedia.$inferSelect)[];

function columnList<T extends PgTable>(table: T, keys: readonly (keyof T["_"]["columns"])[]): SQL {
  const columns = getTableColumns(table);
  return sql.join(
    keys.map((key) => sql.identifier(columns[key as string]!.name)),
    sql`, `,
  );
}

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
    await tx.execute(
      sql`analyze media (${columnList(media, PLANNED_MEDIA_COLUMNS)}), user_media (${columnList(userMedia, PLANNED_USER_MEDIA_COLUMNS)})`,
    );
  });
}
