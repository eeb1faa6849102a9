import { and, eq, inArray } from "drizzle-orm";
import type { Marketplace } from "@/lib/validation/audible";
import { mapLibraryItem, withStateHash } from "@/server/audible/map";
import { copyValues } from "@/server/db/copy-text";
import type { SyncEntry } from "@/server/audible/sync/upsert";
import type { Db } from "@/server/db";
import { media, userMedia } from "@/server/db/schema";
import { mergeMedia } from "./merge-media";
import { mergeState } from "./merge-state";
import type { ConvertedRow, RowError } from "./types";

export type Verdict = "new" | "updated" | "unchanged";
export type PlannedEntry = { line: number; marketplace: Marketplace; verdict: Verdict; entry: SyncEntry };

/** The same mapping as the API sync, so the same title lands on the same `media` row (source+marketplace+asin). */
function mapRow(row: ConvertedRow, marketplace: Marketplace) {
  const mapped = mapLibraryItem(row.item, { marketplace });
  if (!mapped.ok) return mapped;
  const { extra } = row;
  const state = withStateHash({
    ...mapped.state,
    status: extra.status ?? mapped.state.status,
    finishedAt: extra.finishedAt ?? mapped.state.finishedAt,
    isPlusCatalog: extra.isPlusCatalog ?? mapped.state.isPlusCatalog,
  });
  return { ...mapped, state };
}

/**
 * One chunk of rows of one marketplace → what writing them would do, judged against what the person and
 * the catalogue already hold. Preview and commit both use it, so the preview's counts are the import's.
 */
export async function planChunk(
  db: Db,
  input: { userId: string; marketplace: Marketplace; rows: ConvertedRow[] },
): Promise<{ planned: PlannedEntry[]; errors: RowError[] }> {
  const errors: RowError[] = [];
  const mapped = input.rows.flatMap((row) => {
    const result = mapRow(row, input.marketplace);
    if (result.ok) return [{ row, result }];
    errors.push({
      line: row.line,
      asin: row.asin,
      reason: `This row cannot be imported: ${result.reason}.`,
      severity: "error",
    });
    return [];
  });
  if (mapped.length === 0) return { planned: [], errors };
  const asins = mapped.map(({ row }) => row.asin);
  const known = await db
    .select({ media, mine: userMedia })
    .from(media)
    .leftJoin(userMedia, and(eq(userMedia.mediaId, media.id), eq(userMedia.userId, input.userId)))
    .where(
      and(eq(media.source, "audible"), eq(media.marketplace, input.marketplace), inArray(media.asin, asins)),
    );
  const byAsin = new Map(known.map((row) => [row.media.asin, row]));
  const planned = mapped.map(({ row, result }): PlannedEntry => {
    const existing = byAsin.get(row.asin);
    const mediaMerge = mergeMedia(existing?.media, result.media);
    const stateMerge = mergeState(existing?.mine ?? undefined, result.state);
    const verdict: Verdict = !existing?.mine
      ? "new"
      : mediaMerge.changed || stateMerge.changed
        ? "updated"
        : "unchanged";
    return {
      line: row.line,
      marketplace: input.marketplace,
      verdict,
      entry: {
        asin: row.asin,
        contentHash: mediaMerge.values.contentHash,
        mediaRow: copyValues(media, mediaMerge.values),
        state: stateMerge.values,
        revoked: false,
        explicit: false,
      },
    };
  });
  return { planned, errors };
}
