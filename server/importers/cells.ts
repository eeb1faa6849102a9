/** Readers for export cells: CSV gives strings, JSON gives typed values, and both may be empty. */
export function cellText(value: unknown): string | null {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" || trimmed === "-" ? null : trimmed;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export function cellNumber(value: unknown, column: string): Parsed<number | null> {
  if (typeof value === "number") return Number.isFinite(value) ? { ok: true, value } : bad(column, value);
  const text = cellText(value);
  if (text === null) return { ok: true, value: null };
  // Libation's CSV follows the machine's culture: "4,5" in German exports.
  const number = Number(/^-?\d+,\d+$/.test(text) ? text.replace(",", ".") : text);
  return Number.isFinite(number) ? { ok: true, value: number } : bad(column, text);
}

const TRUE = new Set(["true", "yes", "1", "y"]);
const FALSE = new Set(["false", "no", "0", "n"]);

export function cellBoolean(value: unknown, column: string): Parsed<boolean | null> {
  if (typeof value === "boolean") return { ok: true, value };
  const text = cellText(value)?.toLowerCase() ?? null;
  if (text === null) return { ok: true, value: null };
  if (TRUE.has(text)) return { ok: true, value: true };
  if (FALSE.has(text)) return { ok: true, value: false };
  return bad(column, text);
}

/** JSON exports may hold a list where CSV holds joined names. */
export function cellList(value: unknown, separator: string | RegExp): string[] {
  if (Array.isArray(value)) return value.map(cellText).filter((v): v is string => v !== null);
  const text = cellText(value);
  if (!text) return [];
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

function bad(column: string, value: unknown): { ok: false; reason: string } {
  const shown = String(value).slice(0, 40);
  return { ok: false, reason: `"${shown}" in ${column} is not a valid value` };
}

export function people(names: string[]): { name: string; asin: null }[] {
  return names.map((name) => ({ name, asin: null }));
}

const ASIN = /^[A-Z0-9]{10}$/;

export function cellAsin(value: unknown): string | null {
  const text = cellText(value)?.toUpperCase() ?? null;
  return text && ASIN.test(text) ? text : null;
}
