import { and, eq, isNotNull, isNull, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { libraryFiltersSchema } from "@/lib/validation/library";
import { media, userMedia } from "@/server/db/schema";

export type LibraryFilters = z.output<typeof libraryFiltersSchema>;

const MAX_SEARCH_WORDS = 8;

/** LIKE treats % and _ as wildcards; a person searching "100%" means the character. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** What a filter binds: every value of its SQL, and nothing else, so equal keys mean equal SQL text. */
export type LibraryFilter = {
  /** Names the SQL text: which conditions apply, not what they compare against. */
  shape: string;
  values: Record<string, unknown>;
  /** Whether a condition reads the catalogue row, i.e. whether counting needs the join to media. */
  readsMedia: boolean;
  /** The conditions, every value a placeholder named in `values`; built only to prepare a statement. */
  where: () => SQL;
};

/**
 * Every search word must appear somewhere in the title, subtitle, authors, narrators or series, so
 * "sanderson mistborn" finds the book although no single field holds both words. Contributor and
 * series filters use containment, so they match any of a title's authors or series, not only the first.
 */
export function libraryFilter(userId: string, filters: LibraryFilters): LibraryFilter {
  const words = (filters.search ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_WORDS);
  const values: Record<string, unknown> = { userId };
  words.forEach((word, index) => (values[`word${index}`] = `%${escapeLike(word)}%`));
  if (filters.status) values.status = filters.status;
  if (filters.contentType) values.contentType = filters.contentType;
  if (filters.author) values.author = JSON.stringify([{ name: filters.author }]);
  if (filters.series) values.series = JSON.stringify([{ title: filters.series }]);
  const bound = (name: string) => (name in values ? sql.placeholder(name) : undefined);
  const condition = (name: string, build: (value: Placeholder) => SQL) => {
    const value = bound(name);
    return value ? build(value) : undefined;
  };
  return {
    shape: [filters.removed ? "removed" : "held", ...Object.keys(values)].join(","),
    values,
    readsMedia: words.length > 0 || Boolean(filters.contentType || filters.author || filters.series),
    where: () =>
      and(
        eq(userMedia.userId, sql.placeholder("userId")),
        filters.removed ? isNotNull(userMedia.removedAt) : isNull(userMedia.removedAt),
        ...words.map((_, index) =>
          condition(`word${index}`, (word) => sql`${media.searchText} like ${word} escape '\\'`),
        ),
        condition("status", (status) => eq(userMedia.status, status)),
        condition("contentType", (contentType) => eq(media.contentType, contentType)),
        condition("author", (author) => sql`${media.authors} @> ${author}::jsonb`),
        condition("series", (series) => sql`${media.series} @> ${series}::jsonb`),
      )!,
  };
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
