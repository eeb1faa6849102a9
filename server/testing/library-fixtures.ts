import { randomBytes } from "node:crypto";
import type { Db } from "@/server/db";
import { media, userMedia, type Contributor, type SeriesEntry } from "@/server/db/schema";

type MediaRow = typeof media.$inferInsert;
type UserMediaRow = typeof userMedia.$inferInsert;

export type TitleFixture = Partial<Omit<MediaRow, "authors" | "narrators" | "series">> & {
  authors?: string[];
  narrators?: string[];
  series?: { title: string; sequence: string; sortKey?: number | null }[];
  mine?: Partial<Omit<UserMediaRow, "userId" | "mediaId">>;
};

let counter = 0;

// Unique by construction: random ASINs collided now and then in files that insert 10,000+ titles.
function fakeAsin() {
  counter += 1;
  return `B0${counter.toString(36).toUpperCase().padStart(8, "0")}`;
}

/** Audible's own rule from the mapping: the leading number of a sequence ("1-3" → 1), none for "". */
function sortKeyOf(sequence: string): number | null {
  const match = /\d+(\.\d+)?/.exec(sequence);
  return match ? Number(match[0]) : null;
}

export function buildTitle(fixture: TitleFixture = {}): { media: MediaRow; mine: TitleFixture["mine"] } {
  const { authors = ["Ann Author"], narrators = ["Ned Narrator"], series = [], mine, ...rest } = fixture;
  const title = rest.title ?? `Title ${counter + 1}`;
  const toPeople = (names: string[]): Contributor[] => names.map((name) => ({ asin: null, name }));
  const seriesEntries: SeriesEntry[] = series.map((entry) => ({
    asin: null,
    title: entry.title,
    sequence: entry.sequence,
    sortKey: entry.sortKey === undefined ? sortKeyOf(entry.sequence) : entry.sortKey,
  }));
  const first = seriesEntries[0];
  const searchText = [title, rest.subtitle, ...authors, ...narrators, ...series.map((entry) => entry.title)]
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
  return {
    media: {
      marketplace: "us",
      asin: fakeAsin(),
      contentHash: randomBytes(8).toString("hex"),
      primaryAuthor: authors[0] ?? null,
      seriesTitle: first?.title ?? null,
      seriesSequence: first?.sequence ?? null,
      seriesSortKey: first?.sortKey ?? null,
      runtimeMinutes: 600,
      coverUrls: { "500": "https://m.media-amazon.com/images/I/cover._SL500_.jpg" },
      ...rest,
      title,
      authors: toPeople(authors),
      narrators: toPeople(narrators),
      series: seriesEntries,
      searchText,
    },
    mine,
  };
}

/** Inserts catalogue rows and the person's rows for them in one go; returns media ids in input order. */
export async function insertTitles(db: Db, userId: string, fixtures: TitleFixture[]): Promise<string[]> {
  if (fixtures.length === 0) return [];
  const built = fixtures.map(buildTitle);
  const ids: string[] = [];
  for (let start = 0; start < built.length; start += 1000) {
    const chunk = built.slice(start, start + 1000);
    const rows = await db
      .insert(media)
      .values(chunk.map((entry) => entry.media))
      .returning({ id: media.id });
    await db.insert(userMedia).values(
      rows.map((row, index) => ({
        stateHash: "fixture",
        addedAt: new Date("2024-01-01T00:00:00Z"),
        ...chunk[index]!.mine,
        userId,
        mediaId: row.id,
      })),
    );
    ids.push(...rows.map((row) => row.id));
  }
  return ids;
}

export async function insertTitle(db: Db, userId: string, fixture: TitleFixture = {}): Promise<string> {
  const [id] = await insertTitles(db, userId, [fixture]);
  return id!;
}

/** Gives another person the same catalogue row, as two people owning one book would share it. */
export async function addToLibrary(db: Db, userId: string, mediaId: string, mine: TitleFixture["mine"] = {}) {
  await db.insert(userMedia).values({ stateHash: "fixture", ...mine, userId, mediaId });
}
