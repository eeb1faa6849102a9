import { getTableColumns, sql } from "drizzle-orm";
import type { Db } from "@/server/db";
import { media } from "@/server/db/schema";

/** Below this many written rows the statistics the planner already has are close enough. */
export const BULK_WRITE_ROWS = 200;

/**
 * Catalogue columns no query filters, joins or sorts on by value: the long texts (search matches them
 * with ILIKE, which plans with a fixed estimate), cover, genre and narrator lists (narrators are only
 * shown and unnested for stats; sorting their jsonb took a quarter of the ANALYZE), the hash.
 */
const UNPLANNED_MEDIA_COLUMNS = new Set<keyof typeof media.$inferSelect>([
  "coverUrls",
  "narrators",
  "genres",
  "descriptionHtml",
  "descriptionText",
  "searchText",
  "contentHash",
]);

const plannedMediaColumns = sql.join(
  Object.entries(getTableColumns(media))
    .filter(([key]) => !UNPLANNED_MEDIA_COLUMNS.has(key as keyof typeof media.$inferSelect))
    .map(([, column]) => sql.identifier(column.name)),
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
