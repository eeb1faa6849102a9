import { classify } from "./content-type";
import { mapCommunityRating, mapContributors, mapCoverUrls, mapGenres } from "./contributors";
import { pickDescription } from "./description";
import { mapSeries } from "./series-sort";
import type { MediaValues } from "./types";
import { dateOnly, numberOrNull, textOrNull } from "./values";

function searchText(parts: (string | null)[]): string {
  return parts
    .filter((p): p is string => p !== null)
    .join(" ")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

function runtime(value: unknown): number | null {
  const minutes = numberOrNull(value);
  // Podcast parents report 0: unknown, not "zero minutes long".
  return minutes !== null && minutes > 0 ? Math.round(minutes) : null;
}

export function mapMediaValues(
  item: Record<string, unknown>,
  asin: string,
  title: string,
  marketplace: string,
): Omit<MediaValues, "contentHash"> {
  const authors = mapContributors(item.authors);
  const narrators = mapContributors(item.narrators);
  const series = mapSeries(item.series);
  const first = series[0];
  const subtitle = textOrNull(item.subtitle);
  const description = pickDescription(item);
  const { contentType, parentAsin } = classify(item);
  const rating = mapCommunityRating(item.rating);
  // Keys in sorted order, nested values too: the content hash is taken over this object's COPY text as it
  // is, which must be the canonical text (map-item.test.ts and map-simulator.test.ts check).
  return {
    asin,
    authors,
    contentType,
    coverUrls: mapCoverUrls(item.product_images),
    descriptionHtml: description?.html || null,
    descriptionText: description?.text || null,
    formatType: textOrNull(item.format_type),
    genres: mapGenres(item.category_ladders),
    language: textOrNull(item.language)?.toLowerCase() ?? null,
    marketplace,
    narrators,
    parentAsin,
    primaryAuthor: authors[0]?.name ?? null,
    publisher: textOrNull(item.publisher_name),
    ratingCount: rating.ratingCount,
    ratingOverall: rating.ratingOverall,
    ratingPerformance: rating.ratingPerformance,
    ratingStory: rating.ratingStory,
    releaseDate: dateOnly(item.release_date) ?? dateOnly(item.issue_date),
    runtimeMinutes: runtime(item.runtime_length_min),
    searchText: searchText([
      title,
      subtitle,
      ...authors.map((a) => a.name),
      ...narrators.map((n) => n.name),
      ...series.map((s) => s.title),
    ]),
    series,
    seriesSequence: first ? first.sequence || null : null,
    seriesSortKey: first?.sortKey ?? null,
    seriesTitle: first?.title ?? null,
    source: "audible",
    subtitle,
    title,
  };
}
