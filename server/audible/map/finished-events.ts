import { withStateHash } from "./hashes";
import type { UserMediaValues } from "./types";
import { parseTimestamp } from "./values";

export type FinishedEventInput = {
  asin: string;
  is_marked_as_finished?: boolean | null;
  event_timestamp?: string | null;
};

/** `/1.0/stats/status/finished`: the newest "marked as finished" event per ASIN (protocol §7.2). */
export function latestFinishedAt(events: readonly FinishedEventInput[]): Map<string, Date> {
  const latest = new Map<string, Date>();
  for (const event of events) {
    if (event.is_marked_as_finished !== true) continue;
    const at = parseTimestamp(event.event_timestamp);
    if (!at) continue;
    const known = latest.get(event.asin);
    if (!known || at > known) latest.set(event.asin, at);
  }
  return latest;
}

/**
 * Only fills a missing finish date. Events never flip the status: the library item is Audible's current
 * state, while an old "finished" event may predate a restart.
 */
export function mergeFinishedEvents(
  asin: string,
  state: UserMediaValues,
  finishedAtByAsin: ReadonlyMap<string, Date>,
): UserMediaValues {
  if (state.status !== "finished" || state.finishedAt) return state;
  const finishedAt = finishedAtByAsin.get(asin);
  return finishedAt ? withStateHash({ ...state, finishedAt }) : state;
}
