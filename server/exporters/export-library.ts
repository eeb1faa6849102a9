import type { Db } from "@/server/db";
import { toCsv } from "./csv";
import { GOODREADS_COLUMNS, toGoodreadsRow } from "./goodreads";
import { libraryForExport } from "./library-rows";
import { OWN_COLUMNS, OWN_JSON_FORMAT, OWN_JSON_VERSION } from "./own-columns";
import { toOwnCsv, toOwnJson } from "./own-rows";

export type ExportFormat = "csv" | "json" | "goodreads";
export type ExportFile = { fileName: string; mimeType: string; content: string };

function stamp(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** The whole library as one file; a 10k-title CSV is a few MB, well inside one response. */
export async function exportLibrary(
  db: Db,
  userId: string,
  format: ExportFormat,
  now: Date,
): Promise<ExportFile> {
  const rows = await libraryForExport(db, userId);
  if (format === "json") {
    const content = JSON.stringify(
      {
        format: OWN_JSON_FORMAT,
        version: OWN_JSON_VERSION,
        exportedAt: now.toISOString(),
        titles: rows.map(toOwnJson),
      },
      null,
      2,
    );
    return { fileName: `media-feed-library-${stamp(now)}.json`, mimeType: "application/json", content };
  }
  if (format === "goodreads")
    return {
      fileName: `goodreads-import-${stamp(now)}.csv`,
      mimeType: "text/csv",
      content: toCsv(GOODREADS_COLUMNS, rows.map(toGoodreadsRow)),
    };
  return {
    fileName: `media-feed-library-${stamp(now)}.csv`,
    mimeType: "text/csv",
    content: toCsv(OWN_COLUMNS, rows.map(toOwnCsv)),
  };
}
