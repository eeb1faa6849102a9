import type { Marketplace } from "@/lib/validation/audible";
import type { ListenStatus } from "@/lib/validation/library";

/** One data row as read from the file: cell values keyed by the file's own header or property names. */
export type RawRow = {
  line: number;
  values: Record<string, unknown>;
  cellCount?: number;
  columnCount?: number;
};

/** "warning" rows are still imported (a duplicate ASIN: the later row wins); "error" rows are not. */
export type RowError = { line: number; asin: string | null; reason: string; severity: "error" | "warning" };

export type FormatId =
  | "audible-cli-tsv"
  | "audible-cli-csv"
  | "audible-cli-json"
  | "libation-csv"
  | "libation-json"
  | "media-feed-csv"
  | "media-feed-json";

/**
 * A row turned into the shape of an Audible library item, so the API sync's mapping applies unchanged.
 * `marketplace` is the file's own (Libation locale, our export) or null when the person must choose it.
 */
export type ConvertedRow = {
  line: number;
  asin: string;
  marketplace: Marketplace | null;
  item: Record<string, unknown>;
  /** State the library-item shape cannot carry (a finish date, Plus membership from the file). */
  extra: { finishedAt?: Date | null; isPlusCatalog?: boolean; status?: ListenStatus };
};

export type RowResult = { ok: true; row: ConvertedRow } | { ok: false; error: RowError };

export type FormatSpec = {
  id: FormatId;
  label: string;
  /** Marketplace per row in the file; false means the person chooses one for the whole file. */
  hasMarketplace: boolean;
  convert: (row: RawRow) => RowResult;
};
