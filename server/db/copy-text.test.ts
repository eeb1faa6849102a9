import { describe, expect, it } from "vitest";
import { media } from "./schema";
import { copyField, copyValues, jsonKeysOf } from "./copy-text";

describe("copyField", () => {
  it("escapes exactly what COPY's text format reads specially", () => {
    expect(copyField("tab\there", false)).toBe("tab\\there");
    expect(copyField("line\nbreak\rreturn", false)).toBe("line\\nbreak\\rreturn");
    expect(copyField("back\\slash \\N", false)).toBe("back\\\\slash \\\\N");
    expect(copyField('"quotes", commas; ünï 日本 🎧', false)).toBe('"quotes", commas; ünï 日本 🎧');
  });

  it("drops NUL, which Postgres text cannot hold", () => {
    expect(copyField("a\0b", false)).toBe("ab");
  });

  it("writes null, numbers, booleans and dates as Drizzle would bind them", () => {
    expect(copyField(null, false)).toBe("\\N");
    expect(copyField(null, true)).toBe("\\N");
    expect(copyField(4.25, false)).toBe("4.25");
    expect(copyField(Number.NaN, false)).toBe("\\N");
    expect(copyField(Number.POSITIVE_INFINITY, false)).toBe("\\N");
    expect(copyField(true, false)).toBe("t");
    expect(copyField(false, false)).toBe("f");
    expect(copyField(new Date("2026-01-02T03:04:05.678Z"), false)).toBe("2026-01-02T03:04:05.678Z");
    expect(copyField(new Date(Number.NaN), false)).toBe("\\N");
  });

  it("writes a json column's value as JSON, a string included, and escapes the JSON's own backslashes", () => {
    expect(copyField([{ name: 'say "hi"\n' }], true)).toBe('[{"name":"say \\\\"hi\\\\"\\\\n"}]');
    expect(copyField("just text", true)).toBe('"just text"');
  });

  it("refuses an object outside a json column instead of writing [object Object]", () => {
    expect(() => copyField({ a: 1 }, false)).toThrow(/outside a json column/);
  });
});

describe("copyValues", () => {
  it("keeps the defined values in the object's own order and knows the table's json columns", () => {
    expect(jsonKeysOf(media)).toEqual(new Set(["authors", "narrators", "series", "coverUrls", "genres"]));
    const row = copyValues(media, { title: "T\tx", subtitle: undefined, authors: [], runtimeMinutes: null });
    expect(row).toEqual({ line: "T\\tx\t[]\t\\N", keys: ["title", "authors", "runtimeMinutes"] });
  });
});
