import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { canonicalJson, hashedJson } from "./hashes";

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** The first implementation, whose output every stored contentHash/stateHash was computed from. */
function reference(value: unknown): string {
  const canonical = (v: unknown): unknown => {
    if (v instanceof Date) return v.toISOString();
    if (Array.isArray(v)) return v.map(canonical);
    if (typeof v !== "object" || v === null) return v ?? null;
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, x]) => [k, canonical(x)]));
  };
  return JSON.stringify(canonical(value));
}

/** The text, or the error an invalid Date raises in both (fast-check generates `new Date(NaN)` now and then). */
function outcome(write: () => string): string {
  try {
    return write();
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
}

describe("canonicalJson", () => {
  it("writes exactly the text the first implementation did, so stored hashes stay valid", () => {
    const anything = fc.anything({ withDate: true, withObjectString: true, withSparseArray: true });
    fc.assert(
      fc.property(anything, (value) => {
        expect(outcome(() => canonicalJson(value))).toBe(outcome(() => reference(value)));
      }),
      { numRuns: 300 },
    );
  });

  it("fails on an invalid Date just as the first implementation did", () => {
    expect(outcome(() => canonicalJson({ at: new Date(Number.NaN) }))).toBe("throws RangeError");
    expect(outcome(() => reference({ at: new Date(Number.NaN) }))).toBe("throws RangeError");
  });

  it("ignores key order, undefined keys and Date identity; keeps numeric keys (cover sizes) in JSON order", () => {
    const a = { b: 1, covers: { "1215": "l", "500": "s" }, at: new Date(0), gone: undefined };
    const b = { at: new Date(0), covers: { "500": "s", "1215": "l" }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe(reference(a));
  });
});

describe("hashedJson", () => {
  it("gives the same text, keys and hash whether the object comes in key order or not", () => {
    const inOrder = { asin: "A1", covers: { "500": "s" }, missing: undefined, title: "T" };
    const shuffled = { title: "T", missing: undefined, covers: { "500": "s" }, asin: "A1" };
    const withHash = { ...inOrder, contentHash: "stale" };
    const expected = {
      json: canonicalJson({ asin: "A1", covers: { "500": "s" }, title: "T" }),
      keys: ["asin", "covers", "title"],
    };
    for (const values of [inOrder, shuffled, withHash]) {
      const { hash, ...rest } = hashedJson(values, "contentHash");
      expect(rest).toEqual(expected);
      expect(hash).toBe(sha1(expected.json));
    }
  });

  it("matches canonicalJson for any flat record", () => {
    const record = fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.constant(undefined)));
    fc.assert(
      fc.property(record, (values) => {
        const { [" excluded"]: _excluded, ...rest } = values;
        expect(hashedJson(values, " excluded").json).toBe(canonicalJson(rest));
      }),
      { numRuns: 1000 },
    );
  });
});
