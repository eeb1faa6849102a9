import { AppError } from "@/server/errors";
import { decodeContent, type ContentEncoding } from "./decode";
import { parseDelimited } from "./delimited";
import { detectFormat } from "./detect";
import { parseJsonRows } from "./json-rows";
import type { ConvertedRow, FormatSpec, RawRow, RowError } from "./types";

export type ParsedFile = {
  format: FormatSpec;
  /** JSON entries are counted by position ("item 3"), text files by line. */
  rowUnit: "line" | "item";
  totalRows: number;
  rows: ConvertedRow[];
  errors: RowError[];
};

function readTable(text: string) {
  const start = text.trimStart()[0];
  if (start === "[" || start === "{") {
    const table = parseJsonRows(text);
    return { ...table, format: detectFormat(table.keys, { json: true }), rowUnit: "item" as const };
  }
  const table = parseDelimited(text);
  const format = detectFormat(table.headers, { json: false, delimiter: table.delimiter });
  return { rows: table.rows, errors: table.errors, format, rowUnit: "line" as const };
}

/** A later row for the same ASIN wins, as if the file had been edited: the earlier one is reported, not lost silently. */
function convertRows(format: FormatSpec, raw: RawRow[], errors: RowError[], unit: string): ConvertedRow[] {
  const byAsin = new Map<string, ConvertedRow>();
  for (const row of raw) {
    const result = format.convert(row);
    if (!result.ok) {
      errors.push(result.error);
      continue;
    }
    const earlier = byAsin.get(result.row.asin);
    if (earlier) {
      errors.push({
        line: row.line,
        asin: result.row.asin,
        severity: "warning",
        reason: `This ASIN is also on ${unit} ${earlier.line}; this later row is the one imported.`,
      });
      byAsin.delete(result.row.asin);
    }
    byAsin.set(result.row.asin, result.row);
  }
  return [...byAsin.values()];
}

/**
 * Bytes → detected format → item-shaped rows plus row errors. Every failure is an AppError with an IMPORT_*
 * code; row-level problems never fail the file.
 */
export function parseImportFile(content: string, encoding: ContentEncoding): ParsedFile {
  const text = decodeContent(content, encoding);
  if (text.trim() === "") throw new AppError("IMPORT_NO_ROWS", "This file is empty.");
  const table = readTable(text);
  const totalRows = table.rows.length + table.errors.length;
  if (totalRows === 0) throw new AppError("IMPORT_NO_ROWS", "This file has column names but no titles.");
  const errors = [...table.errors];
  const rows = convertRows(table.format, table.rows, errors, table.rowUnit);
  errors.sort((a, b) => a.line - b.line);
  return { format: table.format, rowUnit: table.rowUnit, totalRows, rows, errors };
}
