import { canonicalJson, withContentHash, type MediaValues } from "@/server/audible/map";
import type { media } from "@/server/db/schema";

export type MediaRow = typeof media.$inferSelect;

type Key = Exclude<keyof MediaValues, "contentHash">;

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === "object" && !(value instanceof Date) && Object.keys(value).length === 0;
}

// Fields that travel together: taking one from the file and its partner from the database would mix titles.
const GROUPS: Key[][] = [
  ["series", "seriesTitle", "seriesSequence", "seriesSortKey"],
  ["authors", "primaryAuthor"],
  ["descriptionHtml", "descriptionText"],
  ["ratingOverall", "ratingPerformance", "ratingStory", "ratingCount"],
];
const SEARCH_SOURCES: Key[] = ["title", "subtitle", "authors", "narrators", "series"];

function searchText(values: MediaValues): string {
  const parts = [
    values.title,
    values.subtitle,
    ...(values.authors ?? []).map((a) => a.name),
    ...(values.narrators ?? []).map((n) => n.name),
    ...(values.series ?? []).map((s) => s.title),
  ];
  return parts
    .filter((p): p is string => typeof p === "string")
    .join(" ")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function existingValues(row: MediaRow, keys: Key[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, row[key]]));
}

/**
 * Catalogue rows are shared and the API's copy is richer (author ASINs, every series, exact ratings), so a
 * file only fills what is missing: an export can add a title, never degrade one. Unchanged keeps the stored
 * hash, so upsertChunk skips the write and the title counts as unchanged.
 */
export function mergeMedia(
  existing: MediaRow | undefined,
  file: MediaValues,
): { values: MediaValues; changed: boolean } {
  if (!existing) return { values: file, changed: true };
  const keys = (Object.keys(file) as (keyof MediaValues)[]).filter(
    (key): key is Key => key !== "contentHash" && key !== "searchText",
  );
  const merged: Record<string, unknown> = {};
  const grouped = new Set(GROUPS.flat());
  for (const key of keys)
    if (!grouped.has(key)) merged[key] = isEmpty(existing[key]) ? file[key] : existing[key];
  for (const group of GROUPS) {
    const fromFile = isEmpty(existing[group[0]!]) && !isEmpty(file[group[0]!]);
    for (const key of group) merged[key] = fromFile ? file[key] : existing[key];
  }
  const values = merged as Omit<MediaValues, "contentHash">;
  const sourcesKept = SEARCH_SOURCES.every(
    (key) => canonicalJson(merged[key]) === canonicalJson(existing[key]),
  );
  const withSearch = {
    ...values,
    searchText: sourcesKept ? existing.searchText : searchText(values as MediaValues),
  };
  const changed =
    canonicalJson(withSearch) !== canonicalJson(existingValues(existing, [...keys, "searchText"]));
  return changed
    ? { values: withContentHash(withSearch), changed }
    : { values: { ...withSearch, contentHash: existing.contentHash }, changed };
}
