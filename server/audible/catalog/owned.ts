import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/server/db";
import { heldAudibleTitles } from "@/server/db/queries/audible-library";
import { media, userMedia } from "@/server/db/schema";

/** Which of these ASINs the person still has in their library: one query for a whole page of results. */
export async function ownedAsins(
  db: Db,
  userId: string,
  marketplace: string,
  asins: readonly string[],
): Promise<Set<string>> {
  if (asins.length === 0) return new Set();
  const rows = await db
    .select({ asin: media.asin })
    .from(userMedia)
    .innerJoin(media, eq(media.id, userMedia.mediaId))
    .where(and(heldAudibleTitles(userId, marketplace), inArray(media.asin, [...asins])));
  return new Set(rows.map((row) => row.asin));
}
