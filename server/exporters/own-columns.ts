/**
 * Our own export's columns, in order. The importer reads the same names, which is what makes an export
 * re-import with no change; add columns at the end and keep old ones readable.
 */
export const OWN_COLUMNS = [
  "asin",
  "marketplace",
  "title",
  "subtitle",
  "authors",
  "narrators",
  "series",
  "runtime_minutes",
  "release_date",
  "publisher",
  "language",
  "format_type",
  "content_type",
  "genres",
  "cover_url",
  "community_rating",
  "community_rating_count",
  "status",
  "progress_percent",
  "finished_at",
  "my_rating",
  "purchased_at",
  "added_at",
  "description",
] as const;

export type OwnColumn = (typeof OWN_COLUMNS)[number];

/** Marks our JSON export; the importer recognises a file by it. */
export const OWN_JSON_FORMAT = "media-feed-library";
export const OWN_JSON_VERSION = 1;

/** Lists inside one CSV cell: names never contain "; " in practice, unlike ", " ("Tolkien, J. R. R."). */
export const LIST_SEPARATOR = "; ";

/** "Mistborn #1", or just "Mistborn" when Audible gives no number. */
export function formatSeries(title: string, sequence: string): string {
  return sequence ? `${title} #${sequence}` : title;
}

export function parseSeries(text: string): { title: string; sequence: string } {
  const match = /^(.*\S) #(\S+)$/.exec(text.trim());
  return match ? { title: match[1]!, sequence: match[2]! } : { title: text.trim(), sequence: "" };
}

// A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r']/;

/** The apostrophe is escaped too, so unescaping is exact: export → import gives back the same text. */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unescapeFormula(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
