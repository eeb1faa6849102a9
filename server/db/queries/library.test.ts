import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIBRARY_SORTS, libraryListInputSchema, type LibraryListInput } from "@/lib/validation/library";
import type { DbHandle } from "@/server/db/client";
import { addToLibrary, insertTitle, insertTitles } from "@/server/testing/library-fixtures";
import { createTestDb } from "@/server/testing/test-db";
import { signedInCaller } from "@/server/testing/users";
import { audibleUrlFor, getLibraryItem, libraryFacets, listLibrary } from "./library";
import { escapeLike, pickCover } from "./library-filters";

let handle: DbHandle;
let me: Awaited<ReturnType<typeof signedInCaller>>;
let other: Awaited<ReturnType<typeof signedInCaller>>;
const ids: Record<string, string> = {};

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

beforeAll(async () => {
  handle = await createTestDb();
  me = await signedInCaller(handle.db);
  other = await signedInCaller(handle.db);
  const fixtures = {
    way: {
      title: "The Way of Kings",
      authors: ["Brandon Sanderson"],
      narrators: ["Michael Kramer", "Kate Reading"],
      series: [{ title: "The Stormlight Archive", sequence: "1" }],
      runtimeMinutes: 2735,
      mine: { status: "finished", progressPercent: 100, addedAt: day("2024-01-03") },
    },
    edgedancer: {
      title: "Edgedancer",
      authors: ["Brandon Sanderson"],
      narrators: ["Kate Reading"],
      series: [{ title: "The Stormlight Archive", sequence: "2.5" }],
      runtimeMinutes: 380,
      mine: { status: "listening", progressPercent: 40, addedAt: day("2024-01-05") },
    },
    wind: {
      title: "Wind and Truth",
      authors: ["Brandon Sanderson"],
      narrators: ["Michael Kramer"],
      series: [{ title: "The Stormlight Archive", sequence: "10" }],
      runtimeMinutes: null,
      mine: { addedAt: day("2024-01-05") },
    },
    novella: {
      title: "A Stormlight Extra",
      authors: ["Brandon Sanderson"],
      series: [{ title: "The Stormlight Archive", sequence: "" }],
      mine: { addedAt: null },
    },
    dune: {
      title: "dune",
      subtitle: "Deluxe Edition",
      authors: ["Frank Herbert"],
      narrators: ["Scott Brick"],
      series: [{ title: "Dune Chronicles", sequence: "1" }],
      mine: { status: "listening", progressPercent: 40, addedAt: day("2024-01-05") },
    },
    percent: { title: "100% Focus_Now", authors: ["Zed Author"], mine: { addedAt: day("2023-06-01") } },
    nobody: {
      title: "Anonymous Poems",
      authors: [],
      primaryAuthor: null,
      mine: { addedAt: day("2023-06-01") },
    },
    podcast: { title: "Daily Show Pod", contentType: "podcast", authors: ["Pod Host"] },
    returned: {
      title: "Returned Book",
      authors: ["Brandon Sanderson"],
      mine: { removedAt: day("2024-02-01"), addedAt: day("2024-01-04") },
    },
  } as const;
  for (const [key, fixture] of Object.entries(fixtures)) {
    ids[key] = await insertTitle(handle.db, me.user.id, structuredClone(fixture) as never);
  }
  ids.theirs = await insertTitle(handle.db, other.user.id, {
    title: "Their Way of Kings",
    authors: ["Brandon Sanderson"],
  });
});
afterAll(() => handle.close());

const list = (input: LibraryListInput = {}) =>
  listLibrary(handle.db, me.user.id, libraryListInputSchema.parse(input));

async function listAll(input: LibraryListInput = {}) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 1000; guard += 1) {
    const page = await list({ ...input, cursor });
    seen.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return seen;
}

const keysOf = (values: string[]) => values.map((id) => Object.keys(ids).find((key) => ids[key] === id));

describe("listLibrary", () => {
  it("searches title, subtitle, author, narrator and series, word by word", async () => {
    const found = async (search: string) =>
      keysOf((await list({ search, sort: "title" })).items.map((i) => i.id));
    expect(await found("DUNE")).toEqual(["dune"]);
    expect(await found("deluxe")).toEqual(["dune"]);
    expect(await found("herbert")).toEqual(["dune"]);
    expect(await found("scott brick")).toEqual(["dune"]);
    expect(await found("kate reading")).toEqual(["edgedancer", "way"]);
    expect(await found("stormlight")).toEqual(["novella", "edgedancer", "way", "wind"]);
    expect(await found("sanderson kings")).toEqual(["way"]);
    expect(await found("nothing like this")).toEqual([]);
  });

  it("treats % and _ in a search as characters", async () => {
    expect(escapeLike("100%_\\")).toBe("100\\%\\_\\\\");
    expect(keysOf((await list({ search: "100%" })).items.map((i) => i.id))).toEqual(["percent"]);
    expect(keysOf((await list({ search: "s_nderson" })).items.map((i) => i.id))).toEqual([]);
    expect(keysOf((await list({ search: "%" })).items.map((i) => i.id))).toEqual(["percent"]);
  });

  it("filters by status, type, any author and any series", async () => {
    const keys = async (input: LibraryListInput) =>
      keysOf((await list({ ...input, sort: "title" })).items.map((i) => i.id)).sort();
    expect(await keys({ status: "listening" })).toEqual(["dune", "edgedancer"]);
    expect(await keys({ status: "finished" })).toEqual(["way"]);
    expect(await keys({ contentType: "podcast" })).toEqual(["podcast"]);
    expect(await keys({ author: "Frank Herbert" })).toEqual(["dune"]);
    expect(await keys({ series: "Dune Chronicles" })).toEqual(["dune"]);
    expect(await keys({ author: "Brandon Sanderson", status: "listening" })).toEqual(["edgedancer"]);
  });

  it("hides returned titles unless asked, then shows only them", async () => {
    const all = await listAll();
    expect(all).not.toContain(ids.returned);
    expect(all).toHaveLength(8);
    const removed = await list({ removed: true });
    expect(keysOf(removed.items.map((i) => i.id))).toEqual(["returned"]);
    expect(removed.items[0]!.removedAt).toEqual(day("2024-02-01"));
  });

  it("never shows another person's titles, even a shared catalogue row", async () => {
    await addToLibrary(handle.db, other.user.id, ids.dune!);
    const all = await listAll({ search: "kings" });
    expect(keysOf(all)).toEqual(["way"]);
  });

  it("sorts series in numeric order with an empty position last, and titles without series after", async () => {
    const order = keysOf(await listAll({ sort: "series", limit: 2 }));
    expect(order.slice(0, 5)).toEqual(["dune", "way", "edgedancer", "wind", "novella"]);
    expect(order.slice(5)).toEqual(["percent", "nobody", "podcast"]);
  });

  it("sorts by title, author, progress, length and date added", async () => {
    expect(keysOf(await listAll({ sort: "title" }))).toEqual([
      "percent",
      "novella",
      "nobody",
      "podcast",
      "dune",
      "edgedancer",
      "way",
      "wind",
    ]);
    expect(keysOf(await listAll({ sort: "author" })).slice(0, 5)).toEqual([
      "novella",
      "edgedancer",
      "way",
      "wind",
      "dune",
    ]);
    expect(keysOf(await listAll({ sort: "author" })).at(-1)).toBe("nobody");
    expect(keysOf(await listAll({ sort: "progress" })).slice(0, 3)).toEqual(["way", "dune", "edgedancer"]);
    const byLength = keysOf(await listAll({ sort: "length" }));
    expect(byLength[0]).toBe("way");
    expect(byLength.at(-1)).toBe("wind");
    const byAdded = keysOf(await listAll({ sort: "added" }));
    expect(byAdded.slice(0, 3).sort()).toEqual(["dune", "edgedancer", "wind"]);
    expect(byAdded.at(-1)).toBe("novella");
  });

  it("counts matches on the first page only", async () => {
    const first = await list({ limit: 3 });
    expect(first.total).toEqual({ count: 8, capped: false });
    const second = await list({ limit: 3, cursor: first.nextCursor });
    expect(second.total).toBeNull();
  });

  it("counts what the filters match, catalogue filters included, and never another person's titles", async () => {
    const count = async (input: LibraryListInput) => (await list({ limit: 1, ...input })).total?.count;
    expect(await count({ removed: true })).toBe(1);
    expect(await count({ status: "finished" })).toBe((await listAll({ status: "finished" })).length);
    expect(await count({ contentType: "podcast" })).toBe(1);
    expect(await count({ search: "stormlight" })).toBe((await listAll({ search: "stormlight" })).length);
    expect(await count({ author: "Brandon Sanderson" })).toBe(
      (await listAll({ author: "Brandon Sanderson" })).length,
    );
  });

  it("refuses a cursor from another sort or a forged one", async () => {
    const first = await list({ sort: "title", limit: 2 });
    await expect(list({ sort: "added", cursor: first.nextCursor })).rejects.toMatchObject({
      appCode: "VALIDATION_FAILED",
    });
    await expect(list({ cursor: "not-a-cursor" })).rejects.toMatchObject({ appCode: "VALIDATION_FAILED" });
  });
});

describe("keyset pagination with ties and nulls", () => {
  let pager: Awaited<ReturnType<typeof signedInCaller>>;
  let expected: string[];

  beforeAll(async () => {
    pager = await signedInCaller(handle.db);
    // Few distinct values per key so almost every row ties with another, and every nullable key has nulls.
    const fixtures = Array.from({ length: 61 }, (_, index) => ({
      title: `Same ${index % 3}`,
      authors: index % 4 === 0 ? [] : [`Author ${index % 2}`],
      primaryAuthor: index % 4 === 0 ? null : `Author ${index % 2}`,
      series:
        index % 5 === 0 ? [] : [{ title: `Saga ${index % 2}`, sequence: ["1", "2.5", "10", ""][index % 4]! }],
      runtimeMinutes: index % 3 === 0 ? null : 100 * (index % 2),
      mine: {
        progressPercent: (index % 3) * 33.3,
        addedAt: index % 6 === 0 ? null : new Date(Date.UTC(2024, 0, 1 + (index % 2), 0, 0, 0, 0)),
      },
    }));
    expected = (await insertTitles(handle.db, pager.user.id, fixtures)).sort();
  });

  it.each(LIBRARY_SORTS)("sort %s visits every row exactly once at every page size", async (sort) => {
    const unpaged = await listLibrary(
      handle.db,
      pager.user.id,
      libraryListInputSchema.parse({ sort, limit: 100 }),
    );
    for (const limit of [1, 7, 48]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listLibrary(
          handle.db,
          pager.user.id,
          libraryListInputSchema.parse({ sort, limit, cursor }),
        );
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(unpaged.items.map((item) => item.id));
      expect([...seen].sort()).toEqual(expected);
    }
  });
});

describe("getLibraryItem and facets", () => {
  it("returns the whole title with a store link, and NOT_FOUND for unknown or someone else's", async () => {
    const item = await getLibraryItem(handle.db, me.user.id, ids.way!);
    expect(item).toMatchObject({ title: "The Way of Kings", status: "finished", progressPercent: 100 });
    expect(item.narrators.map((n) => n.name)).toEqual(["Michael Kramer", "Kate Reading"]);
    expect(item.audibleUrl).toBe(`https://www.audible.com/pd/${item.asin}`);
    await expect(getLibraryItem(handle.db, me.user.id, ids.theirs!)).rejects.toMatchObject({
      appCode: "NOT_FOUND",
    });
    await expect(getLibraryItem(handle.db, me.user.id, "nope")).rejects.toMatchObject({
      appCode: "NOT_FOUND",
    });
  });

  it("maps marketplaces to their store domain", () => {
    expect(audibleUrlFor("uk", "B0ABCDEFGH")).toBe("https://www.audible.co.uk/pd/B0ABCDEFGH");
    expect(audibleUrlFor("jp", "B0ABCDEFGH")).toBe("https://www.audible.co.jp/pd/B0ABCDEFGH");
    expect(audibleUrlFor("xx", "B0ABCDEFGH")).toBeNull();
    expect(audibleUrlFor("us", "../evil")).toBeNull();
  });

  it("picks a grid-sized cover", () => {
    expect(pickCover({ "1215": "big", "252": "small", "500": "mid" })).toBe("mid");
    expect(pickCover({ "252": "small" })).toBe("small");
    expect(pickCover({})).toBeNull();
  });

  it("lists authors and series by how many titles they have, without returned ones", async () => {
    const facets = await libraryFacets(handle.db, me.user.id);
    expect(facets.totalTitles).toBe(9);
    expect(facets.authors[0]).toEqual({ name: "Brandon Sanderson", count: 4 });
    expect(facets.series).toEqual([
      { name: "The Stormlight Archive", count: 4 },
      { name: "Dune Chronicles", count: 1 },
    ]);
  });
});
