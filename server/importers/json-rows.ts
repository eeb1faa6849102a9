import { AppError } from "@/server/errors";
import { OWN_JSON_FORMAT } from "@/server/exporters/own-columns";
import { MAX_IMPORT_ROWS, tooManyRows } from "./limits";
import type { RawRow, RowError } from "./types";

export type JsonTable = { keys: string[]; rows: RawRow[]; errors: RowError[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** audible-cli and Libation write a bare array; our own export wraps it with a format marker. */
function titlesOf(parsed: unknown): unknown[] {
  if (Array.isArray(parsed)) return parsed;
  if (isRecord(parsed) && parsed.format === OWN_JSON_FORMAT && Array.isArray(parsed.titles))
    return parsed.titles;
  throw new AppError(
    "IMPORT_FORMAT_UNKNOWN",
    "This JSON file is not a library export: it holds no list of titles.",
  );
}

/** Rows are numbered by their position in the list ("item 3"); JSON has no useful line numbers. */
export function parseJsonRows(text: string): JsonTable {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("IMPORT_INVALID", "This JSON file is damaged or incomplete and cannot be read.");
  }
  const titles = titlesOf(parsed);
  if (titles.length > MAX_IMPORT_ROWS) throw tooManyRows(titles.length);
  const keys = new Set<string>();
  const rows: RawRow[] = [];
  const errors: RowError[] = [];
  titles.forEach((title, index) => {
    if (!isRecord(title)) {
      errors.push({ line: index + 1, asin: null, reason: "This entry is not a title.", severity: "error" });
      return;
    }
    // audible-cli leaves out keys whose value was null, so one object may not show every column.
    if (rows.length < 200) for (const key of Object.keys(title)) keys.add(key);
    rows.push({ line: index + 1, values: title });
  });
  return { keys: [...keys], rows, errors };
}
