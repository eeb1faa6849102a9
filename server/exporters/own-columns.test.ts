import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeFormula, parseSeries, formatSeries, unescapeFormula } from "./own-columns";

describe("formula escaping", () => {
  it.each(["=SUM(A1)", "+1", "-2", "@cmd", "\tx", "\rx", "'quoted"])("defuses %j", (value) => {
    expect(escapeFormula(value)).toBe(`'${value}`);
  });

  it("leaves ordinary text alone and always unescapes exactly", () => {
    expect(escapeFormula("Dune")).toBe("Dune");
    fc.assert(fc.property(fc.string(), (value) => unescapeFormula(escapeFormula(value)) === value));
  });
});

describe("series cells", () => {
  it("round-trips titles with and without a number", () => {
    for (const [title, sequence] of [
      ["Mistborn", "1"],
      ["The Cosmere", ""],
      ["Discworld #", "2.5"],
    ] as const)
      expect(parseSeries(formatSeries(title, sequence))).toEqual({ title, sequence });
  });
});
