import { and, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { LibrarySort } from "@/lib/validation/library";
import { media, userMedia } from "@/server/db/schema";
import { AppError } from "@/server/errors";

type SortKey = { expr: SQL; cast: "text" | "real" | "float8" | "int4" | "timestamptz"; dir: "asc" | "desc" };

const titleKey: SortKey = { expr: sql`lower(${media.title})`, cast: "text", dir: "asc" };

/**
 * Every sort ends in the title and then the media id, so ties (same author, same progress) page
 * in a fixed order and a row is never shown twice or skipped. Nullable keys always sort last.
 */
export const sortKeys = {
  added: [{ expr: sql`${userMedia.addedAt}`, cast: "timestamptz", dir: "desc" }],
  title: [titleKey],
  author: [{ expr: sql`lower(${media.primaryAuthor})`, cast: "text", dir: "asc" }, titleKey],
  series: [
    { expr: sql`lower(${media.seriesTitle})`, cast: "text", dir: "asc" },
    { expr: sql`${media.seriesSortKey}`, cast: "float8", dir: "asc" },
    titleKey,
  ],
  progress: [{ expr: sql`${userMedia.progressPercent}`, cast: "real", dir: "desc" }, titleKey],
  length: [{ expr: sql`${media.runtimeMinutes}`, cast: "int4", dir: "desc" }, titleKey],
} as const satisfies Record<LibrarySort, readonly SortKey[]>;

export function orderByFor(sort: LibrarySort): SQL[] {
  const keys: readonly SortKey[] = sortKeys[sort];
  return [
    ...keys.map((key) => sql`${key.expr} ${sql.raw(key.dir)} nulls last`),
    sql`${userMedia.mediaId} asc`,
  ];
}

/**
 * Keys travel as Postgres text so timestamps keep their microseconds and floats round-trip exactly;
 * one column each (unused ones null), because drivers disagree on NULL inside a text[].
 */
export function keyColumnsFor(sort: LibrarySort) {
  const keys: readonly SortKey[] = sortKeys[sort];
  const column = (index: number) => {
    const key = keys[index];
    return key ? sql<string | null>`(${key.expr})::text` : sql<string | null>`null::text`;
  };
  return { sortKey0: column(0), sortKey1: column(1), sortKey2: column(2) };
}

export function cursorKeysOf(
  sort: LibrarySort,
  row: { sortKey0: string | null; sortKey1: string | null; sortKey2: string | null },
) {
  return [row.sortKey0, row.sortKey1, row.sortKey2].slice(0, sortKeys[sort].length);
}

const cursorSchema = z.object({ s: z.string(), k: z.array(z.string().nullable()), id: z.string() });
type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

export function decodeCursor(value: string, sort: LibrarySort): Cursor {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    if (parsed.s === sort && parsed.k.length === sortKeys[sort].length) return parsed;
  } catch {
    // Fall through to the one error below: a cursor is opaque, its defects are not worth describing.
  }
  throw new AppError("VALIDATION_FAILED", "This page of the library is out of date. Please reload.");
}

/**
 * Rows strictly after the cursor in `key1 dir nulls last, key2 dir nulls last, …, id asc` order:
 * for each key, a non-null cursor value is passed by larger (or smaller) values and by nulls; a null
 * cursor value only by later nulls with a larger remainder. Values are placeholders, as in
 * libraryFilter; which keys are null is part of the shape, since it changes the SQL.
 */
export function afterCursor(sort: LibrarySort, cursor: Cursor) {
  const keys: readonly SortKey[] = sortKeys[sort];
  const values: Record<string, unknown> = { cursorId: cursor.id };
  keys.forEach((_, index) => {
    const value = cursor.k[index] ?? null;
    if (value !== null) values[`cursorKey${index}`] = value;
  });
  const build = (index: number): SQL => {
    const key = keys[index];
    if (!key) return sql`${userMedia.mediaId} > ${sql.placeholder("cursorId")}`;
    const rest = build(index + 1);
    if (!(`cursorKey${index}` in values)) return and(sql`${key.expr} is null`, rest)!;
    const typed = sql`${sql.placeholder(`cursorKey${index}`)}::${sql.raw(key.cast)}`;
    const beyond = key.dir === "asc" ? sql`${key.expr} > ${typed}` : sql`${key.expr} < ${typed}`;
    return or(beyond, sql`${key.expr} is null`, and(sql`${key.expr} = ${typed}`, rest))!;
  };
  return { shape: Object.keys(values).join(","), values, where: () => sql`(${build(0)})` };
}
