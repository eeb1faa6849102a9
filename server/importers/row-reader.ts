import { cellAsin, cellBoolean, cellList, cellNumber, cellText, type Parsed } from "./cells";
import { fileDay, fileTimestamp } from "./dates";
import type { RawRow, RowResult, ConvertedRow } from "./types";

/**
 * Reads one row's cells by column name and collects every problem, so a row error lists all bad cells at
 * once instead of the first one only.
 */
export class RowReader {
  readonly problems: string[] = [];
  constructor(readonly row: RawRow) {}

  private take<T>(parsed: Parsed<T>): T | null {
    if (parsed.ok) return parsed.value;
    this.problems.push(parsed.reason);
    return null;
  }

  text = (column: string) => cellText(this.row.values[column]);
  list = (column: string, separator: string | RegExp) => cellList(this.row.values[column], separator);
  number = (column: string) => this.take(cellNumber(this.row.values[column], column));
  boolean = (column: string) => this.take(cellBoolean(this.row.values[column], column));
  timestamp = (column: string) => this.take(fileTimestamp(this.row.values[column], column));
  day = (column: string) => this.take(fileDay(this.row.values[column], column));
  raw = (column: string) => this.row.values[column];

  /** ASIN and title are what make a row a title; the rest is optional. */
  finish(
    asinColumn: string,
    titleColumn: string,
    build: (asin: string) => Omit<ConvertedRow, "line" | "asin">,
  ): RowResult {
    const line = this.row.line;
    const asinText = this.text(asinColumn);
    const asin = cellAsin(asinText);
    if (
      this.row.cellCount !== undefined &&
      this.row.columnCount !== undefined &&
      this.row.cellCount !== this.row.columnCount
    )
      this.problems.push(
        `the row has ${this.row.cellCount} cells but the header has ${this.row.columnCount} columns`,
      );
    if (!asinText) this.problems.push(`${asinColumn} is empty`);
    else if (!asin) this.problems.push(`"${asinText.slice(0, 40)}" is not an ASIN`);
    if (!this.text(titleColumn)) this.problems.push(`${titleColumn} is empty`);
    const built = asin ? build(asin) : null;
    if (this.problems.length > 0 || !asin || !built)
      return {
        ok: false,
        error: {
          line,
          asin: asin ?? asinText ?? null,
          reason: capitalise(this.problems.join("; ")),
          severity: "error",
        },
      };
    return { ok: true, row: { line, asin, ...built } };
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1) + ".";
}
