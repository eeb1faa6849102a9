import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "@/server/db";
import { heldAudibleTitles } from "@/server/db/queries/audible-library";
import { media, userMedia } from "@/server/db/schema";

const CHUNK = 500;

export type HeldTitle = { id: string; asin: string };

/**
 * The titles a person holds from this marketplace, read early in a full scan (once its first page is in)
 * so that the end of the run waits on no read. Read early or late, it decides the same: with one run per
 * person nothing else adds their Audible titles, and whatever this run adds, its scan saw. Episodes count
 * only when this run fetches them. (Async, so the read runs once however often its promise is awaited.)
 */
export async function heldTitles(
  db: Db,
  input: { userId: string; marketplace: string; episodesScanned: boolean },
): Promise<HeldTitle[]> {
  return db
    .select({ id: userMedia.id, asin: media.asin })
    .from(userMedia)
    .innerJoin(media, eq(media.id, userMedia.mediaId))
    .where(
      and(
        heldAudibleTitles(input.userId, input.marketplace),
        input.episodesScanned ? undefined : ne(media.contentType, "episode"),
      ),
    );
}

/**
 * After a complete full scan only: held titles that Audible no longer lists were returned or removed.
 * They are marked, never deleted.
 */
export async function markMissingRemoved(
  db: Db,
  input: { held: readonly HeldTitle[]; seenAsins: ReadonlySet<string>; now: Date },
): Promise<number> {
  const missing = input.held.filter((row) => !input.seenAsins.has(row.asin)).map((row) => row.id);
  for (let start = 0; start < missing.length; start += CHUNK) {
    await db
      .update(userMedia)
      .set({ removedAt: input.now, updatedAt: input.now })
      .where(inArray(userMedia.id, missing.slice(start, start + CHUNK)));
  }
  return missing.length;
}
