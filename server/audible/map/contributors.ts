import type { Contributor } from "@/server/db/schema/library";
import { isRecord, numberOrNull, recordsOf, textOrNull } from "./values";

export function mapContributors(value: unknown): Contributor[] {
  const out: Contributor[] = [];
  for (const person of recordsOf(value)) {
    const name = textOrNull(person.name);
    if (name) out.push({ asin: textOrNull(person.asin), name });
  }
  return out;
}

/** Root "Genres" ladders only; other roots (e.g. editorial lists) are not genres. */
export function mapGenres(value: unknown): string[] {
  const names = new Set<string>();
  for (const ladder of recordsOf(value)) {
    if (ladder.root !== "Genres") continue;
    for (const step of recordsOf(ladder.ladder)) {
      const name = textOrNull(step.name);
      if (name) names.add(name);
    }
  }
  return [...names];
}

/**
 * Starts from a key no image size reaches, deleted at the end. Without it V8 keeps numeric keys set one by
 * one ("500", then "1215") in an array as long as the largest key: a 10 KB array of holes per title, which
 * JSON.stringify then walks hole by hole (a fifth of the cost of mapping a title). An object that starts
 * with a far-off key keeps its numeric keys as a small dictionary instead; the keys read back the same.
 */
const FAR_OFF_KEY = 2 ** 31;

export function mapCoverUrls(value: unknown): Record<string, string> {
  const urls: Record<string | number, string> = { [FAR_OFF_KEY]: "" };
  if (isRecord(value)) {
    for (const size in value) {
      const url = value[size];
      if (/^\d+$/.test(size) && typeof url === "string" && /^https?:\/\//.test(url)) urls[size] = url;
    }
  }
  delete urls[FAR_OFF_KEY];
  return urls;
}

function average(distribution: unknown): number | null {
  return isRecord(distribution) ? numberOrNull(distribution.average_rating) : null;
}

export function mapCommunityRating(value: unknown) {
  const rating = isRecord(value) ? value : {};
  const overall = isRecord(rating.overall_distribution) ? rating.overall_distribution : {};
  return {
    ratingOverall: average(rating.overall_distribution),
    ratingPerformance: average(rating.performance_distribution),
    ratingStory: average(rating.story_distribution),
    ratingCount: numberOrNull(overall.num_ratings),
  };
}

/** 0 stars means "not rated" in provided_review, not a zero-star verdict. */
function stars(value: unknown): number | null {
  const n = numberOrNull(value);
  return n !== null && n > 0 && n <= 5 ? n : null;
}

export function mapOwnRating(value: unknown) {
  const ratings = isRecord(value) && isRecord(value.ratings) ? value.ratings : {};
  return {
    myRatingOverall: stars(ratings.overall_rating),
    myRatingPerformance: stars(ratings.performance_rating),
    myRatingStory: stars(ratings.story_rating),
  };
}
