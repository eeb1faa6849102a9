import { neverBackwards } from "@/server/audible/map";
import { finishRun, saveProgress, type SyncRun } from "@/server/audible/sync/runs";
import { upsertChunk } from "@/server/audible/sync/upsert";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { chunks } from "./marketplaces";
import type { PlannedEntry } from "./plan";
import { planImport, tally, type ImportFileInput } from "./preview";
import { startFileRun, toFailures } from "./run-row";
import { refreshLibraryStats } from "@/server/db/planner-stats";

function byMarketplace(planned: PlannedEntry[]): Map<string, PlannedEntry[]> {
  const groups = new Map<string, PlannedEntry[]>();
  for (const entry of planned) {
    const key = entry.marketplace;
    const group = groups.get(key) ?? [];
    group.push(entry);
    groups.set(key, group);
  }
  return groups;
}

export type CommitInput = ImportFileInput & { validOnly: boolean };

/**
 * Writes a previewed file as a `sync_runs` row of kind "file". Nothing is written when the marketplace is
 * missing or, unless the person chose "Import the valid rows", when any row is invalid.
 */
export async function commitImport(
  db: Db,
  userId: string,
  input: CommitInput,
  now: () => Date,
): Promise<SyncRun> {
  const { unresolved, planned, errors, file } = await planImport(db, userId, input);
  if (unresolved > 0)
    throw new AppError(
      "IMPORT_MARKETPLACE_REQUIRED",
      "This file does not say which Audible marketplace it is from. Choose one and import again.",
    );
  const invalid = errors.filter((error) => error.severity === "error").length;
  if (invalid > 0 && !input.validOnly)
    throw new AppError(
      "IMPORT_INVALID",
      `${invalid} ${invalid === 1 ? "row has" : "rows have"} problems. Fix the file, or import the valid rows only.`,
      { details: { invalid } },
    );
  if (planned.length === 0)
    throw new AppError("IMPORT_NO_ROWS", "None of the rows in this file can be imported.");

  const run = await startFileRun(db, userId, now());
  const counts = tally(planned);
  const progress = {
    titlesTotal: file.totalRows,
    titlesSeen: 0,
    added: counts.new,
    updated: counts.updated,
    unchanged: counts.unchanged,
    removed: 0,
    failed: invalid,
    failures: toFailures(errors, file.rowUnit),
  };
  try {
    for (const [marketplace, entries] of byMarketplace(planned)) {
      for (const chunk of chunks(entries)) {
        await upsertChunk(db, {
          userId,
          marketplace,
          entries: chunk.map((p) => p.entry),
          now: now(),
          merge: neverBackwards,
        });
        progress.titlesSeen += chunk.length;
        // The heartbeat keeps the stale-run recovery from taking a long import for a dead one.
        await saveProgress(
          db,
          run.id,
          { titlesSeen: progress.titlesSeen, titlesTotal: progress.titlesTotal },
          now(),
        );
      }
    }
    await refreshLibraryStats(db, counts.new + counts.updated);
    await finishRun(db, run.id, { status: "succeeded", progress }, now());
  } catch (error) {
    await finishRun(db, run.id, { status: "failed", errorCode: "IMPORT_FAILED", progress }, now());
    throw error;
  }
  return { ...run, ...progress, status: "succeeded", finishedAt: now() };
}
