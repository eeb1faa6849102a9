import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyValues } from "@/server/db/copy-text";
import { userMedia } from "@/server/db/schema/library";
import { hashedJson, canonicalJson } from "./hashes";
import { canonicalCatalogueLine, hashedCatalogueRow, hashedStateRow, withContentHash } from "./hashed-rows";

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

describe("catalogue rows", () => {
  const row = {
    asin: "B0TEST0001",
    authors: [{ asin: null, name: "Ann\tO'Brien" }],
    coverUrls: { "500": "https://x/s.jpg", "1215": "https://x/l.jpg" },
    descriptionHtml: "<p>Line one\nline two \\ done</p>",
    genres: [],
    parentAsin: null,
    ratingOverall: 4.5,
    series: [{ asin: "S1", sequence: "2.5", sortKey: 2.5, title: "Saga" }],
    title: "Title",
  };
  it("writes the COPY text the bulk writer sends: tabs between fields, escapes, nulls as \\N, json as JSON", () => {
    expect(canonicalCatalogueLine(row).split("\t")).toEqual([
      "B0TEST0001",
      '[{"asin":null,"name":"Ann\\\\tO\'Brien"}]',
      '{"500":"https://x/s.jpg","1215":"https://x/l.jpg"}',
      "<p>Line one\\nline two \\\\ done</p>",
      "[]",
      "\\N",
      "4.5",
      '[{"asin":"S1","sequence":"2.5","sortKey":2.5,"title":"Saga"}]',
      "Title",
    ]);
  });

  it("hashes alike whatever the key order, at the top or inside json values, and without undefined keys", () => {
    const jsonbOrder = {
      title: "Title",
      series: [{ asin: "S1", title: "Saga", sortKey: 2.5, sequence: "2.5" }],
      ratingOverall: 4.5,
      parentAsin: null,
      genres: [],
      descriptionHtml: row.descriptionHtml,
      coverUrls: { "1215": "https://x/l.jpg", "500": "https://x/s.jpg" },
      authors: [{ name: "Ann\tO'Brien", asin: null }],
      asin: "B0TEST0001",
      subtitle: undefined,
      contentHash: "stale",
    };
    expect(withContentHash(jsonbOrder).contentHash).toBe(withContentHash(row).contentHash);
    expect(withContentHash({ ...row, title: "Other" }).contentHash).not.toBe(
      withContentHash(row).contentHash,
    );
    expect(withContentHash({ ...row, parentAsin: "P1" }).contentHash).not.toBe(
      withContentHash(row).contentHash,
    );
  });

  it("encodes a row built in canonical order as its canonical line, with the hash of that line last", () => {
    const { row: encoded, contentHash } = hashedCatalogueRow(row);
    const line = canonicalCatalogueLine(row);
    expect(contentHash).toBe(sha1(line));
    expect(contentHash).toBe(withContentHash(row).contentHash);
    expect(encoded.line).toBe(`${line}\t${contentHash}`);
    expect(encoded.keys).toEqual([...Object.keys(row), "contentHash"]);
  });
});

describe("personal rows", () => {
  const scalar = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.constantFrom(-0, 1e21, Number.NaN, Number.POSITIVE_INFINITY),
    fc.string(),
    fc.constantFrom("tab\there", "back\\slash", "line\nbreak", "nul\u0000", "ünï 日本"),
    fc.date({ noInvalidDate: false }),
  );
  const row = fc.record({
    addedAt: scalar,
    finishedAt: scalar,
    isPlusCatalog: scalar,
    origin: scalar,
    progressPercent: scalar,
    status: scalar,
  });

  it("hashes over the same JSON as ever, and writes what copyValues would", () => {
    fc.assert(
      fc.property(row, (values) => {
        const { row: encoded, stateHash } = hashedStateRow(values);
        // What the mapper hashed before: JSON.stringify's text, which writes an invalid date as null.
        expect(stateHash).toBe(hashedJson(values, "stateHash").hash);
        expect(encoded).toEqual(copyValues(userMedia, { ...values, stateHash }));
      }),
      { numRuns: 1000 },
    );
  });

  it("does the same for a row out of key order", () => {
    const values = { status: "finished", addedAt: new Date(0), stateHash: "stale" };
    const { stateHash: _stale, ...rest } = values;
    const { row: encoded, stateHash } = hashedStateRow(values);
    expect(stateHash).toBe(sha1(canonicalJson(rest)));
    expect(encoded.line).toBe(copyValues(userMedia, { ...rest, stateHash }).line);
  });
});
