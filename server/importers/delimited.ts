import Papa from "papaparse";
import { AppError } from "@/server/errors";
import { MAX_IMPORT_ROWS, tooManyRows } from "./limits";
import type { RawRow, RowError } from "./types";

export type DelimitedTable = { headers: string[]; rows: RawRow[]; errors: RowError[]; delimiter: string };

function newlinesIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) count += 1;
  return count;
}

/**
 * CSV/TSV/semicolon text → header + rows keyed by header, with the file's line number for each row (quoted
 * newlines make it differ from the row index). Stops at the row cap instead of reading the rest.
 */
export function parseDelimited(text: string): DelimitedTable {
  const rows: RawRow[] = [];
  const errors: RowError[] = [];
  let headers: string[] | null = null;
  let delimiter = ",";
  let start = 0;
  let counted = 0;
  let line = 1;
  let overflow = false;
  Papa.parse<string[]>(text, {
    delimitersToGuess: [",", "\t", ";"],
    skipEmptyLines: "greedy",
    step: (result, parser) => {
      while (text[start] === "\n" || text[start] === "\r") start += 1;
      line += newlinesIn(text, counted, start);
      counted = start;
      const rowLine = line;
      start = result.meta.cursor;
      delimiter = result.meta.delimiter;
      const cells = result.data;
      if (!headers) {
        headers = cells.map((cell) => cell.trim());
        return;
      }
      if (rows.length >= MAX_IMPORT_ROWS) {
        overflow = true;
        parser.abort();
        return;
      }
      const quoteError = result.errors.find((error) => error.type === "Quotes");
      if (quoteError) {
        errors.push({
          line: rowLine,
          asin: null,
          reason: "A quoted value is never closed.",
          severity: "error",
        });
        return;
      }
      const values: Record<string, string> = {};
      headers.forEach((name, i) => {
        values[name] = cells[i] ?? "";
      });
      rows.push({ line: rowLine, values, cellCount: cells.length, columnCount: headers.length });
    },
  });
  if (overflow) throw tooManyRows(MAX_IMPORT_ROWS + 1);
  if (!headers) throw new AppError("IMPORT_NO_ROWS", "This file is empty: it has no header and no titles.");
  return { headers, rows, errors, delimiter };
}
