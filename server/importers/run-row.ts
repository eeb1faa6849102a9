import type { SyncRun } from "@/server/audible/sync/runs";
import type { Db } from "@/server/db";
import { syncRuns, type SyncFailure } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { RowError } from "./types";

const STORED_FAILURES = 1000;

/**
 * Inserted as "running" rather than queued: the sync worker claims queued runs and would take a file run for
 * an API sync. The one-active-run index still refuses an import while a sync is under way.
 */
export async function startFileRun(db: Db, userId: string, now: Date): Promise<SyncRun> {
  const [run] = await db
    .insert(syncRuns)
    .values({ userId, kind: "file", trigger: "upload", status: "running", startedAt: now, heartbeatAt: now })
    .onConflictDoNothing()
    .returning();
  if (!run)
    throw new AppError(
      "SYNC_IN_PROGRESS",
      "A sync or import is already running. Import the file when it has finished.",
    );
  return run;
}

/** sync_runs keeps {asin, reason}: the row's ASIN when it has one, else where it is, and the place in the reason. */
export function toFailures(errors: RowError[], unit: "line" | "item"): SyncFailure[] {
  return errors.slice(0, STORED_FAILURES).map((error) => ({
    asin: error.asin ?? `${unit} ${error.line}`,
    reason: `${unit === "line" ? "Line" : "Item"} ${error.line}${error.severity === "warning" ? " (warning)" : ""}: ${error.reason}`,
  }));
}
