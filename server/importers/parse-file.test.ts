import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { parseImportFile } from "./parse-file";
import { fixture } from "./testing";

const parse = (name: string) => parseImportFile(fixture(name), "text");

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).appCode;
  }
}

describe("format detection and conversion", () => {
  it.each([
    ["audible-cli-library.tsv", "audible-cli-tsv"],
    ["audible-cli-library.csv", "audible-cli-csv"],
    ["audible-cli-library-v0.2.0.tsv", "audible-cli-tsv"],
    ["audible-cli-library.json", "audible-cli-json"],
    ["libation-export.csv", "libation-csv"],
    ["libation-export-de.csv", "libation-csv"],
    ["libation-export.json", "libation-json"],
  ])("%s is read as %s with no row errors", (name, id) => {
    const file = parse(name);
    expect(file.format.id).toBe(id);
    expect(file.errors).toEqual([]);
    expect(file.rows.length).toBeGreaterThan(1);
  });

  it("reads audible-cli values the way §10 writes them", () => {
    const [empire, hailMary, omens] = parse("audible-cli-library.tsv").rows;
    expect(empire!.item).toMatchObject({
      asin: "B002V0QK4C",
      subtitle: "Mistborn, Book 1",
      series: [{ title: "Mistborn", sequence: "1" }],
      is_finished: true,
      purchase_date: "2019-11-29T11:40:49.000Z",
      release_date: "2008-10-21",
      product_images: { "500": "https://m.media-amazon.com/images/I/51cfid7m8gL._SL500_.jpg" },
    });
    expect(String(empire!.item.extended_product_description)).toContain("\n");
    expect(hailMary!.item).toMatchObject({ percent_complete: 37.5, is_finished: false });
    expect(omens!.item.authors).toEqual([
      { name: "Terry Pratchett", asin: null },
      { name: "Neil Gaiman", asin: null },
    ]);
    expect(omens!.item.rating).toBeNull();
    expect(omens!.marketplace).toBeNull();
  });

  it("reads Libation's locale, series order, cover id and culture-specific CSV the same way", () => {
    const english = parse("libation-export.csv").rows;
    const german = parse("libation-export-de.csv").rows;
    const json = parse("libation-export.json").rows;
    for (const rows of [english, german, json]) {
      const [empire, piranesi] = rows;
      expect(empire!.marketplace).toBe("us");
      expect(piranesi!.marketplace).toBe("uk");
      expect(piranesi!.extra.isPlusCatalog).toBe(true);
      expect(empire!.item).toMatchObject({
        series: [
          { title: "Mistborn", sequence: "1" },
          { title: "The Cosmere", sequence: "" },
        ],
        product_images: { "500": "https://m.media-amazon.com/images/I/51cfid7m8gL._SL500_.jpg" },
        library_status: { date_added: "2020-01-01T00:00:00.000Z" },
        release_date: "2008-10-21",
        is_finished: true,
        provided_review: { ratings: { overall_rating: 5 } },
      });
      expect(empire!.item.rating).toMatchObject({ overall_distribution: { average_rating: 4.7 } });
    }
  });
});

describe("broken files are typed errors, never crashes", () => {
  it("a wrong delimiter cannot be split into columns", () => {
    expect(codeOf(() => parse("wrong-delimiter.txt"))).toBe("IMPORT_FORMAT_UNKNOWN");
  });

  it("a missing required column is named", () => {
    expect(codeOf(() => parse("missing-title.csv"))).toBe("IMPORT_MISSING_COLUMNS");
  });

  it("bad dates are row errors with the line, the rest still reads", () => {
    const file = parse("bad-dates.tsv");
    expect(file.rows).toHaveLength(0);
    expect(file.errors.map((e) => [e.line, e.severity])).toEqual([
      [2, "error"],
      [4, "error"],
    ]);
    expect(file.errors[0]!.reason).toContain("2008-02-30");
    expect(file.errors[1]!.reason).toContain("purchase_date");
  });

  it("a duplicate ASIN keeps the later row and warns", () => {
    const file = parse("duplicate-asins.tsv");
    expect(file.rows.map((r) => r.item.title)).toEqual(["Project Hail Mary", "The Final Empire (corrected)"]);
    expect(file.errors).toMatchObject([{ severity: "warning", asin: "B002V0QK4C" }]);
  });

  it("a header without rows, an empty file and an empty JSON list have no rows", () => {
    expect(codeOf(() => parse("header-only.csv"))).toBe("IMPORT_NO_ROWS");
    expect(codeOf(() => parseImportFile("  \n", "text"))).toBe("IMPORT_NO_ROWS");
    expect(codeOf(() => parseImportFile("[]", "text"))).toBe("IMPORT_FORMAT_UNKNOWN");
  });

  it("binary files are refused before parsing", () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 0, 0]).toString("base64");
    expect(codeOf(() => parseImportFile(zip, "base64"))).toBe("IMPORT_BINARY_FILE");
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString("base64");
    expect(codeOf(() => parseImportFile(png, "base64"))).toBe("IMPORT_BINARY_FILE");
    expect(codeOf(() => parseImportFile("asin\u0000title", "text"))).toBe("IMPORT_BINARY_FILE");
    expect(codeOf(() => parseImportFile(Buffer.from([0xff, 0xfe, 0x41]).toString("base64"), "base64"))).toBe(
      "IMPORT_BINARY_FILE",
    );
  });

  it("damaged JSON and JSON that is not a list are told apart", () => {
    expect(codeOf(() => parseImportFile('[{"asin": "B0', "text"))).toBe("IMPORT_INVALID");
    expect(codeOf(() => parseImportFile('{"hello": 1}', "text"))).toBe("IMPORT_FORMAT_UNKNOWN");
  });

  it("the row cap stops reading", () => {
    const header = "asin\ttitle\tauthors\n";
    const text = header + "B000000001\tT\tA\n".repeat(50_001);
    expect(codeOf(() => parseImportFile(text, "text"))).toBe("IMPORT_TOO_MANY_ROWS");
  });

  it("unknown columns alone are an unknown format", () => {
    expect(codeOf(() => parseImportFile("Title,Author,ISBN\nDune,Herbert,123\n", "text"))).toBe(
      "IMPORT_FORMAT_UNKNOWN",
    );
  });
});
