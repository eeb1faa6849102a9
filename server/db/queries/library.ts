import { and, eq, isNull, sql } from "drizzle-orm";
import type { LibraryFacets } from "@/lib/validation/library";
import type { Db } from "@/server/db";
import { media, userMedia } from "@/server/db/schema";

export { getLibraryItem, audibleUrlFor } from "./library-item";
export { listLibrary, LIBRARY_COUNT_CAP } from "./library-list";
export { libraryStats } from "./library-stats";

const FACET_LIMIT = 200;

/** The authors and series a person owns most of, for the filter menus; removed titles do not count. */
export async function libraryFacets(db: Db, userId: string, limit = FACET_LIMIT): Promise<LibraryFacets> {
  const owned = and(eq(userMedia.userId, userId), isNull(userMedia.removedAt));
  const facet = (column: typeof media.authors | typeof media.series, field: "name" | "title") =>
    db
      .select({ name: sql<string>`entry->>${field}`, count: sql<number>`count(*)::int` })
      .from(userMedia)
      .innerJoin(media, eq(media.id, userMedia.mediaId))
      .crossJoin(sql`jsonb_array_elements(${column}) as entry`)
      .where(and(owned, sql`coalesce(entry->>${field}, '') <> ''`))
      .groupBy(sql`1`)
      .orderBy(sql`2 desc`, sql`1 asc`)
      .limit(limit);
  const [authors, series, [total]] = await Promise.all([
    facet(media.authors, "name"),
    facet(media.series, "title"),
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(userMedia)
      .where(eq(userMedia.userId, userId)),
  ]);
  return { totalTitles: total?.count ?? 0, authors, series };
}
