import Papa from "papaparse";
import { escapeFormula } from "./own-columns";

/**
 * RFC 4180 CSV with every cell defused against formula injection, a UTF-8 BOM so Excel reads accents, and
 * CRLF line ends (what spreadsheets and Goodreads expect).
 */
export function toCsv<K extends string>(columns: readonly K[], rows: Record<K, string>[]): string {
  const data = rows.map((row) => columns.map((column) => escapeFormula(row[column] ?? "")));
  return `\ufeff${Papa.unparse({ fields: [...columns], data }, { newline: "\r\n", quotes: false, escapeFormulae: false })}\r\n`;
}
