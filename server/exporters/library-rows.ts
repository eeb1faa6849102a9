import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/server/db";
import { media, userMedia } from "@/server/db/schema";

export type ExportRow = { media: typeof media.$inferSelect; mine: typeof userMedia.$inferSelect };

/**
 * The person's current library. Returned titles are left out: re-importing the export would bring them back,
 * which is not what "export → import changes nothing" should mean.
 */
export async function libraryForExport(db: Db, userId: string): Promise<ExportRow[]> {
  return db
    .select({ media, mine: userMedia })
    .from(userMedia)
    .innerJoin(media, eq(media.id, userMedia.mediaId))
    .where(and(eq(userMedia.userId, userId), isNull(userMedia.removedAt)))
    .orderBy(asc(media.marketplace), asc(media.asin));
}
