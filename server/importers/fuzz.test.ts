import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { AUDIBLE_CLI_COLUMNS } from "./formats/audible-cli";
import { LIBATION_CSV_TO_JSON } from "./formats/libation-columns";
import { OWN_COLUMNS } from "@/server/exporters/own-columns";
import { parseImportFile } from "./parse-file";

/** Either a parsed file or an AppError with an IMPORT_* code: anything else is a crash. */
function survives(content: string, encoding: "text" | "base64" = "text") {
  try {
    const file = parseImportFile(content, encoding);
    expect(file.rows.length + file.errors.length).toBeGreaterThan(0);
  } catch (error) {
    if (!(error instanceof AppError) || !error.appCode.startsWith("IMPORT_")) throw error;
  }
}

const cell = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "",
    "-",
    "True",
    "False",
    "2020-01-01T00:00:00",
    "1/15/2020 3:04:05 PM",
    "31.12.2020",
    "2008-02-30",
    "B002V0QK4C",
    "4,5",
    '"',
    "\n",
    "=1+1",
    " : The Cosmere",
    "1 : A, 2 : B",
  ),
);

function table(columns: readonly string[], delimiter: string) {
  return fc
    .tuple(
      fc.shuffledSubarray([...columns], { minLength: 1 }),
      fc.array(fc.array(cell, { maxLength: 45 }), { maxLength: 6 }),
    )
    .map(([header, rows]) => {
      const quote = (v: string) => (/["\n\r,;\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
      return [header, ...rows.map((r) => r.slice(0, header.length))]
        .map((r) => r.map(quote).join(delimiter))
        .join("\n");
    });
}

const jsonRows = (keys: readonly string[]) =>
  fc
    .array(
      fc.dictionary(
        fc.constantFrom(...keys),
        fc.oneof(cell, fc.integer(), fc.boolean(), fc.constant(null), fc.array(cell)),
      ),
      { maxLength: 6 },
    )
    .map((rows) => JSON.stringify(rows));

const runs = { numRuns: 150 };

describe("fuzzing: every parser ends in rows or a typed error", () => {
  it.each([",", "\t", ";"])("audible-cli text with delimiter %j", (delimiter) => {
    fc.assert(
      fc.property(table(AUDIBLE_CLI_COLUMNS, delimiter), (text) => survives(text)),
      runs,
    );
  });

  it.each([",", ";"])("Libation CSV with delimiter %j", (delimiter) => {
    fc.assert(
      fc.property(table(Object.keys(LIBATION_CSV_TO_JSON), delimiter), (text) => survives(text)),
      runs,
    );
  });

  it("our own CSV", () => {
    fc.assert(
      fc.property(table(OWN_COLUMNS, ","), (text) => survives(text)),
      runs,
    );
  });

  it("audible-cli, Libation and our own JSON", () => {
    const own = jsonRows(OWN_COLUMNS).map(
      (titles) => `{"format":"media-feed-library","version":1,"titles":${titles}}`,
    );
    fc.assert(
      fc.property(
        fc.oneof(jsonRows(AUDIBLE_CLI_COLUMNS), jsonRows(Object.values(LIBATION_CSV_TO_JSON)), own),
        (text) => survives(text),
      ),
      runs,
    );
  });

  it("arbitrary text, JSON values and bytes", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => survives(text)),
      runs,
    );
    fc.assert(
      fc.property(fc.json(), (text) => survives(text)),
      runs,
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) =>
        survives(Buffer.from(bytes).toString("base64"), "base64"),
      ),
      runs,
    );
  });
});
