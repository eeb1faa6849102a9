import { and, eq, sql } from "drizzle-orm";
import type { LibraryListItem, LibraryListOutput, LibraryListQuery } from "@/lib/validation/library";
import type { Db } from "@/server/db";
import { prepared } from "@/server/db/prepared";
import { media, userMedia, type Contributor } from "@/server/db/schema";
import {
  afterCursor,
  cursorKeysOf,
  decodeCursor,
  encodeCursor,
  keyColumnsFor,
  orderByFor,
} from "./library-cursor";
import { libraryFilter, pickCover, type LibraryFilter } from "./library-filters";

// A count past this is shown as "50,000+": the number only tells a person roughly how much matched.
export const LIBRARY_COUNT_CAP = 50_000;

export const listColumns = {
  id: media.id,
  title: media.title,
  subtitle: media.subtitle,
  authors: media.authors,
  narrators: media.narrators,
  seriesTitle: media.seriesTitle,
  seriesSequence: media.seriesSequence,
  coverUrls: media.coverUrls,
  runtimeMinutes: media.runtimeMinutes,
  contentType: media.contentType,
  status: userMedia.status,
  progressPercent: userMedia.progressPercent,
  finishedAt: userMedia.finishedAt,
  addedAt: userMedia.addedAt,
  removedAt: userMedia.removedAt,
};

type ListRow = Omit<LibraryListItem, "authors" | "narrators" | "coverUrl"> & {
  authors: Contributor[];
  narrators: Contributor[];
  coverUrls: Record<string, string>;
};

export function toListItem(row: ListRow): LibraryListItem {
  const { coverUrls, authors, narrators, ...rest } = row;
  return {
    ...rest,
    authors: authors.map((author) => author.name),
    narrators: narrators.map((narrator) => narrator.name),
    coverUrl: pickCover(coverUrls),
  };
}

export async function listLibrary(
  db: Db,
  userId: string,
  input: LibraryListQuery,
): Promise<LibraryListOutput> {
  const filter = libraryFilter(userId, input);
  const cursor = input.cursor ? afterCursor(input.sort, decodeCursor(input.cursor, input.sort)) : null;
  const key = `library-list:${input.sort}:${filter.shape}:${cursor?.shape ?? "first"}`;
  const pageQuery = prepared(db, key, (name) =>
    db
      .select({ ...listColumns, ...keyColumnsFor(input.sort) })
      .from(userMedia)
      .innerJoin(media, eq(media.id, userMedia.mediaId))
      .where(cursor ? and(filter.where(), cursor.where()) : filter.where())
      .orderBy(...orderByFor(input.sort))
      .limit(sql.placeholder("limit"))
      .prepare(name),
  );
  const [rows, total] = await Promise.all([
    pageQuery.execute({ ...filter.values, ...cursor?.values, limit: input.limit + 1 }),
    cursor ? null : countLibrary(db, filter),
  ]);

  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor({ s: input.sort, k: cursorKeysOf(input.sort, last), id: last.id })
      : null;
  return {
    items: page.map(({ sortKey0: _0, sortKey1: _1, sortKey2: _2, ...row }) => toListItem(row)),
    nextCursor,
    total,
  };
}

async function countLibrary(db: Db, filter: LibraryFilter) {
  const countQuery = prepared(db, `library-count:${filter.shape}`, (name) => {
    const rows = db
      .select({ one: sql`1` })
      .from(userMedia)
      .$dynamic();
    // A user_media row always has its media row (a cascading foreign key), so without a filter on the
    // catalogue the count is answered from user_media's index alone.
    if (filter.readsMedia) rows.innerJoin(media, eq(media.id, userMedia.mediaId));
    const bounded = rows
      .where(filter.where())
      .limit(LIBRARY_COUNT_CAP + 1)
      .as("bounded");
    return db
      .select({ count: sql<number>`count(*)::int` })
      .from(bounded)
      .prepare(name);
  });
  const [row] = await countQuery.execute(filter.values);
  const count = row?.count ?? 0;
  return { count: Math.min(count, LIBRARY_COUNT_CAP), capped: count > LIBRARY_COUNT_CAP };
}
