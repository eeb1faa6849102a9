import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { libraryListResponseSchema } from "@/server/audible/schemas/library";
import { canonicalCatalogueLine } from "./hashed-rows";
import { mapLibraryItem } from "./map-item";

function fixtureItems(name: string): unknown[] {
  const raw: unknown = JSON.parse(readFileSync(`e2e/simulator/fixtures/${name}`, "utf8"));
  return libraryListResponseSchema.parse(raw).items ?? [];
}

const full = fixtureItems("library_item_full.json")[0] as Record<string, unknown>;

describe("captured items", () => {
  it.each(["library_item_full.json", "library_sample.json"])("every item in %s maps", (name) => {
    for (const item of fixtureItems(name)) expect(mapLibraryItem(item, { marketplace: "us" }).ok).toBe(true);
  });

  it.each(["library_item_full.json", "library_sample.json"])(
    "every item in %s is encoded as its canonical line, hash last",
    (name) => {
      for (const item of fixtureItems(name)) {
        const result = mapLibraryItem(item, { marketplace: "us" });
        if (!result.ok) throw new Error(result.reason);
        expect(result.mediaRow.line).toBe(
          `${canonicalCatalogueLine(result.media)}\t${result.media.contentHash}`,
        );
      }
    },
  );

  it("maps the full item field by field", () => {
    const result = mapLibraryItem(full, { marketplace: "us" });
    if (!result.ok) throw new Error(result.reason);
    expect(result.media).toMatchObject({
      asin: "B0BLZNZ47B",
      marketplace: "us",
      title: "Azarinth Healer: Book One",
      subtitle: "A LitRPG Adventure",
      authors: [{ asin: "B0BLW7TD8P", name: "Rhaegar" }],
      primaryAuthor: "Rhaegar",
      seriesTitle: "Azarinth Healer",
      seriesSequence: "1",
      seriesSortKey: 1,
      runtimeMinutes: 1493,
      releaseDate: "2022-12-08",
      publisher: "Portal Books",
      language: "english",
      formatType: "unabridged",
      contentType: "book",
      parentAsin: null,
      genres: ["Science Fiction & Fantasy", "Fantasy", "Epic"],
    });
    expect(result.media.coverUrls).toEqual({
      "500": "https://m.media-amazon.com/images/I/51pZyUM49GL._SL500_.jpg",
    });
    expect(result.media.ratingOverall).toBeCloseTo(4.66, 2);
    expect(result.media.descriptionText).toMatch(/^Ilea likes punching things/);
    expect(result.media.searchText).toContain("azarinth healer");
    expect(result.media.contentHash).toMatch(/^[0-9a-f]{40}$/);
    expect(result.state).toMatchObject({
      status: "listening",
      progressPercent: 10,
      finishedAt: null,
      origin: "Purchase",
      isPlusCatalog: false,
      planEndsAt: null,
      purchasedAt: new Date("2026-01-02T12:57:43.960Z"),
      addedAt: new Date("2026-01-02T12:57:43.960Z"),
    });
    expect(result).toMatchObject({ revoked: false, isPodcastParent: false, explicitProgress: true });
  });

  it("builds the catalogue and personal values in key order, so hashing encodes them without a copy", () => {
    const result = mapLibraryItem(full, { marketplace: "us" });
    if (!result.ok) throw new Error(result.reason);
    expect(result.mediaRow.line).toBe(`${canonicalCatalogueLine(result.media)}\t${result.media.contentHash}`);
    expect(result.mediaRow.keys).toEqual([...Object.keys(result.media)]);
    const keys = Object.keys(result.media).filter((key) => key !== "contentHash");
    expect(keys).toEqual([...keys].sort());
    const stateKeys = Object.keys(result.state).filter((key) => key !== "stateHash");
    expect(stateKeys).toEqual([...stateKeys].sort());
  });

  it("keeps cover URLs by numeric size, dropping non-URLs and non-numeric sizes", () => {
    const images = { "1215": "https://x/l.jpg", "500": "https://x/s.jpg", big: "https://x/b.jpg", "90": 7 };
    const result = mapLibraryItem({ ...full, product_images: images }, { marketplace: "us" });
    if (!result.ok) throw new Error(result.reason);
    expect(Object.entries(result.media.coverUrls ?? {})).toEqual([
      ["500", "https://x/s.jpg"],
      ["1215", "https://x/l.jpg"],
    ]);
    const none = mapLibraryItem({ ...full, product_images: null }, { marketplace: "us" });
    if (!none.ok) throw new Error(none.reason);
    expect(Object.keys(none.media.coverUrls ?? {})).toEqual([]);
  });

  it("hashes are stable across key order and change with the data", () => {
    const a = mapLibraryItem(full, { marketplace: "us" });
    const reordered = Object.fromEntries(Object.entries(full).reverse());
    const b = mapLibraryItem(reordered, { marketplace: "us" });
    const c = mapLibraryItem({ ...full, title: "Other" }, { marketplace: "us" });
    const d = mapLibraryItem(
      { ...full, percent_complete: 50, listening_status: null },
      { marketplace: "us" },
    );
    if (!a.ok || !b.ok || !c.ok || !d.ok) throw new Error("mapping failed");
    expect(b.media.contentHash).toBe(a.media.contentHash);
    expect(b.state.stateHash).toBe(a.state.stateHash);
    expect(c.media.contentHash).not.toBe(a.media.contentHash);
    expect(d.media.contentHash).toBe(a.media.contentHash);
    expect(d.state.stateHash).not.toBe(a.state.stateHash);
  });
});

describe("edge items", () => {
  it.each([
    [null, "not an object"],
    [{ title: "x" }, "missing asin"],
    [{ asin: "B0X" }, "missing title"],
    [{ asin: "B0X", title: "   " }, "missing title"],
  ])("%j → %s", (item, reason) => {
    expect(mapLibraryItem(item, { marketplace: "us" })).toMatchObject({ ok: false, reason });
  });

  it("reads a user's own rating, treating 0 as unrated", () => {
    const result = mapLibraryItem(
      {
        ...full,
        provided_review: { ratings: { overall_rating: 4, performance_rating: 0, story_rating: 5 } },
      },
      { marketplace: "us" },
    );
    expect(result.ok && result.state).toMatchObject({
      myRatingOverall: 4,
      myRatingPerformance: null,
      myRatingStory: 5,
    });
  });

  it("detects Plus titles and ignores the 2099 'no end' date", () => {
    const plus = { plan_name: "US Minerva", end_date: "2026-03-15T00:00:00.00000Z" };
    const sub = mapLibraryItem(
      { ...full, plans: [plus], origin_type: "Subscription" },
      { marketplace: "us" },
    );
    expect(sub.ok && sub.state).toMatchObject({
      isPlusCatalog: true,
      planEndsAt: new Date("2026-03-15T00:00:00Z"),
    });
    const bought = mapLibraryItem({ ...full, plans: [plus], origin_type: "Purchase" }, { marketplace: "us" });
    expect(bought.ok && bought.state).toMatchObject({ isPlusCatalog: true, planEndsAt: null });
    const forever = mapLibraryItem(
      {
        ...full,
        is_ayce: true,
        origin_type: "Subscription",
        plans: [{ plan_name: "AYCL", end_date: "2099-12-31T00:00:00Z" }],
      },
      { marketplace: "us" },
    );
    expect(forever.ok && forever.state).toMatchObject({ isPlusCatalog: true, planEndsAt: null });
  });

  it("types episodes by their parent relationship and podcasts by delivery type", () => {
    const episode = mapLibraryItem(
      {
        ...full,
        content_delivery_type: null,
        relationships: [
          { asin: "B0PARENT01", relationship_to_product: "parent", relationship_type: "episode" },
        ],
      },
      { marketplace: "us" },
    );
    expect(episode).toMatchObject({
      ok: true,
      parentAsin: "B0PARENT01",
      isPodcastParent: false,
      media: { contentType: "episode" },
    });
    const show = mapLibraryItem(
      { ...full, content_delivery_type: "Periodical", relationships: [] },
      { marketplace: "us" },
    );
    expect(show).toMatchObject({ ok: true, isPodcastParent: true, media: { contentType: "podcast" } });
  });
});

describe("arbitrary input never throws", () => {
  it("JSON-ish values without a title are skipped", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const input =
          value !== null && typeof value === "object" && !Array.isArray(value)
            ? { ...value, title: undefined }
            : value;
        expect(mapLibraryItem(input, { marketplace: "us" }).ok).toBe(false);
      }),
    );
  });

  it("any field of a real item replaced by junk still yields a result", () => {
    const keys = Object.keys(full);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.anything()), (junk) => {
        const result = mapLibraryItem({ ...full, ...junk }, { marketplace: "us" });
        expect(typeof result.ok).toBe("boolean");
        if (result.ok) expect(result.state.progressPercent).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
