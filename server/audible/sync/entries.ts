import { latestFinishedAt, mapLibraryItem, mergeFinishedEvents, type FinishedEventInput } from "../map";
import type { RunTracker } from "./progress";
import type { SyncEntry } from "./upsert";

export function finishedDates(events: readonly FinishedEventInput[]): ReadonlyMap<string, Date> {
  return latestFinishedAt(events);
}

/**
 * Maps one page's items. A title seen earlier in this run (Audible repeats items across pages when the
 * library changes mid-scan) is written once; a title that cannot be mapped is counted as failed with its reason.
 */
export function toSyncEntries(
  items: readonly unknown[],
  context: {
    marketplace: string;
    finished: ReadonlyMap<string, Date>;
    seen: Set<string>;
    parents: Set<string>;
    tracker: RunTracker;
  },
): SyncEntry[] {
  const entries: SyncEntry[] = [];
  for (const item of items) {
    const mapped = mapLibraryItem(item, { marketplace: context.marketplace });
    if (!mapped.ok) {
      context.tracker.fail(mapped.asin, mapped.reason);
      // Still listed by Audible, so a complete scan must not take it for returned.
      if (mapped.asin) context.seen.add(mapped.asin);
      continue;
    }
    const asin = mapped.media.asin;
    if (context.seen.has(asin)) continue;
    context.seen.add(asin);
    if (mapped.isPodcastParent) context.parents.add(asin);
    entries.push({
      asin,
      media: mapped.media,
      mediaJson: mapped.mediaJson,
      state: mergeFinishedEvents(asin, mapped.state, context.finished),
      revoked: mapped.revoked,
      explicit: mapped.explicitProgress,
    });
  }
  return entries;
}
