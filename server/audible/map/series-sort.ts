import type { SeriesEntry } from "@/server/db/schema/library";
import { recordsOf, textOrNull } from "./values";

const FIRST_NUMBER = /\d+(?:\.\d+)?/;

/**
 * A numeric key so "2.5" sorts before "10" (users report string order and "7.5" read as 75). A range such as
 * "1-3" sorts at its start; "Book 4" at 4; no number at all → null, which callers sort last.
 */
export function seriesSortKey(sequence: string | null | undefined): number | null {
  if (typeof sequence !== "string") return null;
  const match = FIRST_NUMBER.exec(sequence);
  if (!match) return null;
  const key = Number(match[0]);
  return Number.isFinite(key) ? key : null;
}

/** Every series is kept: a book can belong to two, and exporting only the first is a known complaint. */
export function mapSeries(value: unknown): SeriesEntry[] {
  const seen = new Set<string>();
  const entries: SeriesEntry[] = [];
  for (const series of recordsOf(value)) {
    const title = textOrNull(series.title);
    if (!title) continue;
    const asin = textOrNull(series.asin);
    const key = asin ?? title.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const sequence = typeof series.sequence === "string" ? series.sequence.trim() : "";
    // Key order is canonical order, which hashValues relies on.
    entries.push({ asin, sequence, sortKey: seriesSortKey(sequence), title });
  }
  return entries;
}
