import { and, eq, inArray, isNull, type AnyColumn, type SQLWrapper } from "drizzle-orm";
import type { Db } from "@/server/db";
import { media, userMedia } from "@/server/db/schema";

/** Disconnect without keeping books: the person's rows go; the shared catalogue rows stay for others. */
export async function deleteImportedTitles(db: Db, userId: string, marketplace: string): Promise<number> {
  const fromAccount = db
    .select({ id: media.id })
    .from(media)
    .where(and(eq(media.source, "audible"), eq(media.marketplace, marketplace)));
  const deleted = await db
    .delete(userMedia)
    .where(and(eq(userMedia.userId, userId), inArray(userMedia.mediaId, fromAccount)))
    .returning({ id: userMedia.id });
  return deleted.length;
}

/** Rows of user_media joined to media that the person still holds from this Audible marketplace. */
export function heldAudibleTitles(userId: string | SQLWrapper, marketplace: string | AnyColumn) {
  return and(
    eq(userMedia.userId, userId),
    isNull(userMedia.removedAt),
    eq(media.source, "audible"),
    eq(media.marketplace, marketplace),
  );
}
