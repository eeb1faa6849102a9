import { canonicalJson, neverBackwards, withStateHash, type UserMediaValues } from "@/server/audible/map";
import type { userMedia } from "@/server/db/schema";

export type UserMediaRow = typeof userMedia.$inferSelect;

const STATE_KEYS = [
  "status",
  "progressPercent",
  "finishedAt",
  "myRatingOverall",
  "myRatingPerformance",
  "myRatingStory",
  "purchasedAt",
  "addedAt",
  "origin",
  "planEndsAt",
  "isPlusCatalog",
] as const satisfies readonly (keyof UserMediaValues)[];

function pick(values: Partial<Record<(typeof STATE_KEYS)[number], unknown>>) {
  return Object.fromEntries(STATE_KEYS.map((key) => [key, values[key] ?? null]));
}

/**
 * The file brings the person's state forward, never back: progress through the sync's own neverBackwards
 * (a file is never Audible's explicit word), new own ratings win, dates and origin already known are kept
 * (Libation writes local times without a zone).
 */
export function mergeState(
  existing: UserMediaRow | undefined,
  file: UserMediaValues,
): { values: UserMediaValues; changed: boolean } {
  if (!existing) return { values: file, changed: true };
  const combined = withStateHash({
    status: file.status ?? "want_to_listen",
    progressPercent: file.progressPercent ?? 0,
    finishedAt: file.finishedAt ?? null,
    myRatingOverall: file.myRatingOverall ?? existing.myRatingOverall,
    myRatingPerformance: file.myRatingPerformance ?? existing.myRatingPerformance,
    myRatingStory: file.myRatingStory ?? existing.myRatingStory,
    purchasedAt: existing.purchasedAt ?? file.purchasedAt ?? null,
    addedAt: existing.addedAt ?? file.addedAt ?? null,
    origin: existing.origin ?? file.origin ?? null,
    planEndsAt: existing.planEndsAt ?? file.planEndsAt ?? null,
    isPlusCatalog: existing.isPlusCatalog || file.isPlusCatalog === true,
  });
  const merged = neverBackwards(existing, combined, false);
  const changed =
    canonicalJson(pick(merged)) !== canonicalJson(pick(existing)) || existing.removedAt !== null;
  return changed
    ? { values: withStateHash(pick(merged) as UserMediaValues), changed }
    : { values: { ...merged, stateHash: existing.stateHash }, changed };
}
