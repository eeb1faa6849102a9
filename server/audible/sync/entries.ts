import { latestFinishedAt, mergeFinishedEvents, type FinishedEventInput } from "../map";
import type { PageItem } from "./page-items";
import type { RunTracker } from "./progress";
import type { SyncEntry } from "./upsert";

export function finishedDates(events: readonly FinishedEventInput[]): ReadonlyMap<string, Date> {
  return latestFinishedAt(events);
}

/**
 * One page's mapped items → what the writer writes. A title seen earlier in this run (Audible repeats items
 * across pages when the library changes mid-scan) is written once; a title that cannot be mapped is
 * counted as failed with its reason.
 */
export function toSyncEntries(
  items: readonly PageItem[],
  context: {
    finished: ReadonlyMap<string, Date>;
    seen: Set<string>;
    parents: Set<string>;
    tracker: RunTracker;
  },
): SyncEntry[] {
  const entries: SyncEntry[] = [];
  for (const item of items) {
    if (!item.ok) {
      context.tracker.fail(item.asin, item.reason);
      // Still listed by Audible, so a complete scan must not take it for returned.
      if (item.asin) context.seen.add(item.asin);
      continue;
    }
    const { asin } = item;
    if (context.seen.has(asin)) continue;
    context.seen.add(asin);
    if (item.isPodcastParent) context.parents.add(asin);
    const state = mergeFinishedEvents(asin, item.state, context.finished);
    entries.push({
      asin,
      contentHash: item.contentHash,
      mediaRow: item.mediaRow,
      state,
      // A finish date from the finished list changes the values: the encoded row no longer fits them.
      stateRow: state === item.state ? item.stateRow : undefined,
      revoked: item.revoked,
      explicit: item.explicit,
    });
  }
  return entries;
}
