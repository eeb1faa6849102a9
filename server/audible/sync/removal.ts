import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/server/db";
import { heldAudibleTitles } from "@/server/db/queries/audible-library";
import { media, userMedia } from "@/server/db/schema";

const CHUNK = 500;

/**
 * After a complete full scan only: titles the person had that Audible no longer lists were returned
 * or removed. They are marked, never deleted. Episodes are judged only when this run fetched them.
 */
export async function markMissingRemoved(
  db: Db,
  input: {
    userId: string;
    marketplace: string;
    seenAsins: ReadonlySet<string>;
    episodesScanned: boolean;
    now: Date;
  },
): Promise<number> {
  const rows = await db
    .select({ id: userMedia.id, asin: media.asin })
    .from(userMedia)
    .innerJoin(media, eq(media.id, userMedia.mediaId))
    .where(
      and(
        heldAudibleTitles(input.userId, input.marketplace),
        input.episodesScanned ? undefined : ne(media.contentType, "episode"),
      ),
    );
  const missing = rows.filter((row) => !input.seenAsins.has(row.asin)).map((row) => row.id);
  for (let start = 0; start < missing.length; start += CHUNK) {
    await db
      .update(userMedia)
      .set({ removedAt: input.now, updatedAt: input.now })
      .where(inArray(userMedia.id, missing.slice(start, start + CHUNK)));
  }
  return missing.length;
}
