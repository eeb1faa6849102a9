import { hashedCatalogueRow, hashedStateRow } from "./hashed-rows";
import { mapMediaValues } from "./media-values";
import { mapOwnRating } from "./contributors";
import { readPlus } from "./plus";
import { readProgress } from "./progress";
import type { MapResult, MediaValues } from "./types";
import { isRecord, parseTimestamp, textOrNull } from "./values";

export type MapOptions = { marketplace: string };

/**
 * One library item → catalogue row + the person's row. Never throws: a malformed or title-less item (Audible
 * returns those after a long absence) comes back as `{ ok: false }` so the sync can retry or report it.
 */
export function mapLibraryItem(item: unknown, { marketplace }: MapOptions): MapResult {
  if (!isRecord(item)) return { ok: false, asin: null, reason: "not an object" };
  const asin = textOrNull(item.asin);
  if (!asin) return { ok: false, asin: null, reason: "missing asin" };
  const title = textOrNull(item.title);
  if (!title) return { ok: false, asin, reason: "missing title" };
  try {
    const values = mapMediaValues(item, asin, title, marketplace);
    const { row: mediaRow, contentHash } = hashedCatalogueRow(values);
    const media: MediaValues = Object.assign(values, { contentHash });
    const progress = readProgress(item);
    const libraryStatus = isRecord(item.library_status) ? item.library_status : {};
    const purchasedAt = parseTimestamp(item.purchase_date);
    const rating = mapOwnRating(item.provided_review);
    const plus = readPlus(item);
    // Keys in sorted order: hashedStateRow writes the hash's JSON and the COPY line in one pass over them.
    const stateValues = {
      addedAt: parseTimestamp(libraryStatus.date_added) ?? purchasedAt,
      finishedAt: progress.finishedAt,
      isPlusCatalog: plus.isPlusCatalog,
      myRatingOverall: rating.myRatingOverall,
      myRatingPerformance: rating.myRatingPerformance,
      myRatingStory: rating.myRatingStory,
      origin: textOrNull(item.origin_type),
      planEndsAt: plus.planEndsAt,
      progressPercent: progress.progressPercent,
      purchasedAt,
      status: progress.status,
    };
    const { row: stateRow, stateHash } = hashedStateRow(stateValues);
    return {
      ok: true,
      media,
      mediaRow,
      state: Object.assign(stateValues, { stateHash }),
      stateRow,
      parentAsin: media.parentAsin ?? null,
      isPodcastParent: media.contentType === "podcast",
      revoked: textOrNull(item.status)?.toLowerCase() === "revoked",
      explicitProgress: progress.explicit,
    };
  } catch (error) {
    return { ok: false, asin, reason: `unmappable: ${error instanceof Error ? error.message : "unknown"}` };
  }
}
