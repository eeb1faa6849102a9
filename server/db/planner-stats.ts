import { sql } from "drizzle-orm";
import type { Db } from "@/server/db";

/** Below this many written rows the statistics the planner already has are close enough. */
export const BULK_WRITE_ROWS = 200;

/**
 * Refreshes the planner's statistics for the library tables after a bulk write. PGlite has no
 * autovacuum, so without this its planner never learns that a table grew, and Postgres's autovacuum
 * catches up only some time later. Planned as if the tables were empty, joining a person's titles to
 * the catalogue became a nested loop with a filter: 43 s after a 10,000-title import instead of tens of
 * milliseconds.
 */
export async function refreshLibraryStats(db: Db, rowsWritten: number): Promise<void> {
  if (rowsWritten < BULK_WRITE_ROWS) return;
  await db.execute(sql`analyze media, user_media`);
}
