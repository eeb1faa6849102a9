import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/server/db";
import { audibleAccounts } from "@/server/db/schema";
import { executeRun, type SyncDeps } from "@/server/audible/sync/engine";
import {
  claimRun,
  queuedRunIds,
  recoverStaleRuns,
  requestRun,
  type SyncKind,
} from "@/server/audible/sync/runs";

export const STALE_AFTER_MS = 5 * 60 * 1000;
export const MAX_ATTEMPTS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Runs every queued sync this process can claim, one after another, until none is left. */
export async function drainSyncQueue(deps: SyncDeps): Promise<number> {
  let ran = 0;
  for (;;) {
    const ids = await queuedRunIds(deps.db, 5);
    if (ids.length === 0) return ran;
    for (const id of ids) {
      const run = await claimRun(deps.db, id, deps.now());
      if (!run) continue;
      await executeRun(deps, run);
      ran += 1;
    }
  }
}

export function recoverAbandonedRuns(db: Db, now: Date) {
  return recoverStaleRuns(db, {
    staleBefore: new Date(now.getTime() - STALE_AFTER_MS),
    maxAttempts: MAX_ATTEMPTS,
    now,
  });
}

/** The daily sync: every connected account not synced for a day gets a run (joining any already queued). */
export async function enqueueDailySyncs(db: Db, now: Date): Promise<number> {
  const due = await db
    .select({ userId: audibleAccounts.userId })
    .from(audibleAccounts)
    .where(
      and(
        eq(audibleAccounts.status, "connected"),
        or(
          isNull(audibleAccounts.lastSyncAt),
          lt(audibleAccounts.lastSyncAt, new Date(now.getTime() - DAY_MS)),
        ),
      ),
    );
  for (const { userId } of due) await requestRun(db, { userId, kind: "delta", trigger: "schedule" });
  return due.length;
}

export function enqueueSync(db: Db, input: { userId: string; kind: SyncKind; trigger: string }) {
  return requestRun(db, input);
}
