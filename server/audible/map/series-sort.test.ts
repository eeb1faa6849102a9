import { describe, expect, it } from "vitest";
import { mapSeries, seriesSortKey } from "./series-sort";

describe("seriesSortKey", () => {
  it.each([
    ["1", 1],
    ["2.5", 2.5],
    ["10", 10],
    ["1-3", 1],
    ["Book 4", 4],
    ["#7.5", 7.5],
    [" 3 ", 3],
    ["", null],
    ["Prequel", null],
    [null, null],
    [undefined, null],
  ])("%j → %j", (sequence, key) => {
    expect(seriesSortKey(sequence)).toBe(key);
  });

  it("orders numerically, not as strings, with unnumbered entries last", () => {
    const sequences = ["10", "", "2.5", "1-3", "2", "Book 4"];
    const sorted = [...sequences].sort(
      (a, b) => (seriesSortKey(a) ?? Infinity) - (seriesSortKey(b) ?? Infinity),
    );
    expect(sorted).toEqual(["1-3", "2", "2.5", "Book 4", "10", ""]);
  });
});

describe("mapSeries", () => {
  it("keeps every series, the raw sequence text and a sort key", () => {
    const mapped = mapSeries([
      { asin: "B01", title: "First", sequence: "2.5" },
      { asin: "B02", title: "Second", sequence: null },
      { asin: "B01", title: "First", sequence: "2.5" },
      { title: "" },
      "junk",
    ]);
    expect(mapped).toEqual([
      { asin: "B01", title: "First", sequence: "2.5", sortKey: 2.5 },
      { asin: "B02", title: "Second", sequence: "", sortKey: null },
    ]);
  });

  it("reads a non-array as no series", () => {
    expect(mapSeries(null)).toEqual([]);
    expect(mapSeries({ title: "x" })).toEqual([]);
  });
});
