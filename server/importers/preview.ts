import type { Marketplace } from "@/lib/validation/audible";
import type { Db } from "@/server/db";
import type { ContentEncoding } from "./decode";
import { chunks, groupByMarketplace, suggestMarketplace } from "./marketplaces";
import { parseImportFile } from "./parse-file";
import { planChunk, type PlannedEntry } from "./plan";
import type { RowError } from "./types";

export type ImportFileInput = {
  fileName: string;
  content: string;
  encoding: ContentEncoding;
  marketplace?: Marketplace;
};

export const SHOWN_ERRORS = 200;
const SAMPLE_ROWS = 5;

/** Parses and plans the whole file without writing: the numbers the preview shows are the ones commit will use. */
export async function planImport(db: Db, userId: string, input: ImportFileInput) {
  const file = parseImportFile(input.content, input.encoding);
  const { groups, unresolved } = groupByMarketplace(file.rows, input.marketplace);
  const planned: PlannedEntry[] = [];
  const errors: RowError[] = [...file.errors];
  if (unresolved === 0) {
    for (const [marketplace, rows] of groups) {
      for (const chunk of chunks(rows)) {
        const result = await planChunk(db, { userId, marketplace, rows: chunk });
        planned.push(...result.planned);
        errors.push(...result.errors);
      }
    }
  }
  errors.sort((a, b) => a.line - b.line);
  return { file, groups, unresolved, planned, errors };
}

export function tally(planned: PlannedEntry[]) {
  const counts = { new: 0, updated: 0, unchanged: 0 };
  for (const entry of planned) counts[entry.verdict] += 1;
  return counts;
}

export async function previewImport(db: Db, userId: string, input: ImportFileInput) {
  const { file, unresolved, planned, errors } = await planImport(db, userId, input);
  const invalid = errors.filter((error) => error.severity === "error").length;
  const marketplaceRequired = unresolved > 0;
  return {
    format: { id: file.format.id, label: file.format.label },
    rowUnit: file.rowUnit,
    totalRows: file.totalRows,
    marketplace: {
      required: marketplaceRequired,
      fromFile: file.format.hasMarketplace && file.rows.some((row) => row.marketplace !== null),
      suggested: marketplaceRequired
        ? await suggestMarketplace(
            db,
            userId,
            file.rows.map((row) => row.asin),
          )
        : null,
    },
    counts: {
      ...(marketplaceRequired ? { new: null, updated: null, unchanged: null } : tally(planned)),
      invalid,
      warnings: errors.length - invalid,
    },
    sample: file.rows.slice(0, SAMPLE_ROWS).map((row) => ({
      line: row.line,
      asin: row.asin,
      title: typeof row.item.title === "string" ? row.item.title : "",
      authors: Array.isArray(row.item.authors) ? row.item.authors.map((a: { name: string }) => a.name) : [],
      marketplace: row.marketplace ?? input.marketplace ?? null,
    })),
    errors: errors.slice(0, SHOWN_ERRORS),
    errorsTotal: errors.length,
  };
}
