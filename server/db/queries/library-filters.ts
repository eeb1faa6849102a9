import { and, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { libraryFiltersSchema } from "@/lib/validation/library";
import { media, userMedia } from "@/server/db/schema";

export type LibraryFilters = z.output<typeof libraryFiltersSchema>;

const MAX_SEARCH_WORDS = 8;

/** LIKE treats % and _ as wildcards; a person searching "100%" means the character. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Every word must appear somewhere in the title, subtitle, authors, narrators or series, so
 * "sanderson mistborn" finds the book although no single field holds both words.
 */
function searchCondition(search: string): SQL | undefined {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) return undefined;
  return and(...words.map((word) => sql`${media.searchText} like ${`%${escapeLike(word)}%`} escape '\\'`));
}

export function libraryWhere(userId: string, filters: LibraryFilters): SQL {
  return and(
    eq(userMedia.userId, userId),
    filters.removed ? isNotNull(userMedia.removedAt) : isNull(userMedia.removedAt),
    filters.search ? searchCondition(filters.search) : undefined,
    filters.status ? eq(userMedia.status, filters.status) : undefined,
    filters.contentType ? eq(media.contentType, filters.contentType) : undefined,
    // Containment matches any of a title's authors or series, not only the first one.
    filters.author
      ? sql`${media.authors} @> ${JSON.stringify([{ name: filters.author }])}::jsonb`
      : undefined,
    filters.series
      ? sql`${media.series} @> ${JSON.stringify([{ title: filters.series }])}::jsonb`
      : undefined,
  )!;
}

const COVER_TARGET = 500;

/** The smallest cover at least as wide as a grid tile at 2x, else the largest there is. */
export function pickCover(coverUrls: Record<string, string>, target = COVER_TARGET): string | null {
  const sizes = Object.keys(coverUrls)
    .map(Number)
    .filter((size) => Number.isFinite(size))
    .sort((a, b) => a - b);
  const size = sizes.find((candidate) => candidate >= target) ?? sizes.at(-1);
  if (size !== undefined) return coverUrls[String(size)] ?? null;
  return Object.values(coverUrls)[0] ?? null;
}
