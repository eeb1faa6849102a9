import { describe, expect, it } from "vitest";
import { fieldsFor, parseGroups } from "@/e2e/simulator/response-groups";
import { LIBRARY_SYNC_RESPONSE_GROUPS } from "../map/response-groups";
import { mapLibraryItem, type MappedItem } from "../map";
import { sanitizeSimpleMarkup } from "../map/description";
import { mapPageBytes } from "./page-items";
import { warmUpPage } from "./warm-up-page";

const raw = (JSON.parse(new TextDecoder().decode(warmUpPage(200))) as { items: Record<string, unknown>[] })
  .items;
const mapped = raw.map((item) => mapLibraryItem(item, { marketplace: "us" }));
const ok = mapped.filter((result): result is MappedItem => result.ok);
const values = <T>(pick: (item: MappedItem) => T) => new Set(ok.map(pick));

/** The warm-up only helps the paths it runs: it must look like a real library, not one title repeated. */
describe("the mapper's warm-up page", () => {
  it("is a library page whose every title maps", () => {
    const page = mapPageBytes(warmUpPage(200), "us");
    expect(page.ok && page.items.length).toBe(200);
    expect(page.ok && page.items.every((item) => item.ok)).toBe(true);
    expect(ok).toHaveLength(200);
  });

  it("runs through every kind of title, status, series count and progress source", () => {
    expect(values((item) => item.media.contentType)).toEqual(new Set(["book", "podcast", "episode"]));
    expect(values((item) => item.state.status)).toEqual(new Set(["want_to_listen", "listening", "finished"]));
    expect(values((item) => item.media.series?.length)).toEqual(new Set([0, 1, 2]));
    expect(values((item) => item.explicitProgress)).toEqual(new Set([true, false]));
    expect(values((item) => item.revoked)).toEqual(new Set([true, false]));
    expect(values((item) => item.state.isPlusCatalog)).toEqual(new Set([true, false]));
    expect(values((item) => item.state.myRatingOverall === null)).toEqual(new Set([true, false]));
    expect(values((item) => item.media.seriesSortKey ?? null)).toEqual(new Set([null, 1, 2.5, 10]));
  });

  it("has descriptions for both sanitizers, with entities and non-Latin text", () => {
    const summaries = raw.map((item) => String(item.publisher_summary));
    const simple = summaries.filter((html) => sanitizeSimpleMarkup(html) !== null);
    expect(simple.length).toBeGreaterThan(0);
    expect(simple.length).toBeLessThan(summaries.length);
    expect(summaries.some((html) => html.includes("&amp;"))).toBe(true);
    expect(summaries.some((html) => [...html].some((char) => char.charCodeAt(0) > 0xff))).toBe(true);
  });

  it("has the fields the sync's response groups bring, keys in the API's alphabetical order at every level", () => {
    // Maps keyed by data (image sizes) keep JSON's own order for numeric keys.
    const unsorted = (value: unknown): boolean => {
      if (Array.isArray(value)) return value.some(unsorted);
      if (typeof value !== "object" || value === null) return false;
      const keys = Object.keys(value);
      const dataKeyed = keys.every((key) => /^\d+$/.test(key));
      return (!dataKeyed && keys.join() !== [...keys].sort().join()) || Object.values(value).some(unsorted);
    };
    expect(raw.filter(unsorted).map((item) => item.asin)).toEqual([]);
    const expected = fieldsFor(parseGroups(LIBRARY_SYNC_RESPONSE_GROUPS.join(",")).groups, true);
    const sent = new Set(raw.flatMap((item) => Object.keys(item)));
    expect([...expected].filter((field) => !sent.has(field))).toEqual([]);
  });
});
