import { AppError } from "@/server/errors";
import {
  AUDIBLE_CLI_MARKERS,
  AUDIBLE_CLI_REQUIRED,
  audibleCliCsv,
  audibleCliJson,
  audibleCliTsv,
} from "./formats/audible-cli";
import { libationCsv, libationJson } from "./formats/libation";
import { LIBATION_REQUIRED_CSV, LIBATION_REQUIRED_JSON } from "./formats/libation-columns";
import { mediaFeedCsv, mediaFeedJson } from "./formats/media-feed";
import type { FormatSpec } from "./types";

const OWN_MARKERS = ["marketplace", "status", "progress_percent"];
const LIBATION_MARKERS = [
  "Audible Product Id",
  "AudibleProductId",
  "Locale",
  "Series Order",
  "SeriesOrder",
  "Length In Minutes",
  "LengthInMinutes",
];

function missing(required: readonly string[], keys: Set<string>): string[] {
  return required.filter((column) => !keys.has(column));
}

function missingColumns(label: string, columns: string[]): AppError {
  return new AppError(
    "IMPORT_MISSING_COLUMNS",
    `This looks like a ${label}, but it has no ${columns.join(" or ")} column. Export it again with every column.`,
    { details: { missing: columns } },
  );
}

/**
 * Recognises a file by its column (or property) names; order does not matter and unknown extra columns are
 * ignored. A family is chosen by its markers first, then its required columns are checked, so "a Libation
 * file without a Title column" gets its own message instead of "unknown format".
 */
export function detectFormat(
  keys: Iterable<string>,
  shape: { json: boolean; delimiter?: string },
): FormatSpec {
  const present = new Set(keys);
  const count = (markers: readonly string[]) => markers.filter((m) => present.has(m)).length;
  if (count(OWN_MARKERS) === OWN_MARKERS.length) {
    const gaps = missing(["asin", "title"], present);
    if (gaps.length > 0) throw missingColumns("Media Feed export", gaps);
    return shape.json ? mediaFeedJson : mediaFeedCsv;
  }
  if (count(LIBATION_MARKERS) >= 2) {
    const gaps = missing(shape.json ? LIBATION_REQUIRED_JSON : LIBATION_REQUIRED_CSV, present);
    if (gaps.length > 0) throw missingColumns("Libation export", gaps);
    return shape.json ? libationJson : libationCsv;
  }
  if (count(AUDIBLE_CLI_MARKERS) >= 2 || (present.has("asin") && present.has("authors"))) {
    const gaps = missing(AUDIBLE_CLI_REQUIRED, present);
    if (gaps.length > 0) throw missingColumns("audible-cli export", gaps);
    if (shape.json) return audibleCliJson;
    return shape.delimiter === "\t" ? audibleCliTsv : audibleCliCsv;
  }
  throw new AppError(
    "IMPORT_FORMAT_UNKNOWN",
    present.size <= 1 && !shape.json
      ? "We could not split this file into columns. Use a CSV or TSV export separated by commas, semicolons or tabs."
      : "We do not recognise this file. Import a library export from audible-cli, Libation or Media Feed.",
    { details: { columns: [...present].slice(0, 20) } },
  );
}
