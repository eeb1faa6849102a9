import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/server/db";
import { recordAudit } from "@/server/db/queries/audit";
import { syncRuns, type SyncFailure } from "@/server/db/schema";

export type SyncRun = typeof syncRuns.$inferSelect;
export type SyncKind = SyncRun["kind"];
const ACTIVE = ["queued", "running"] as const;

export async function findActiveRun(db: Db, userId: string): Promise<SyncRun | null> {
  const [run] = await db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.userId, userId), inArray(syncRuns.status, [...ACTIVE])))
    .limit(1);
  return run ?? null;
}

/**
 * Queues a run, or returns the one already queued or running: the partial unique index makes a
 * second request join the first even when both arrive at once on different instances.
 */
export async function requestRun(
  db: Db,
  input: { userId: string; kind: SyncKind; trigger: string },
): Promise<{ run: SyncRun; joined: boolean }> {
  const [created] = await db
    .insert(syncRuns)
    .values({ userId: input.userId, kind: input.kind, trigger: input.trigger })
    .onConflictDoNothing()
    .returning();
  if (created) return { run: created, joined: false };
  const active = await findActiveRun(db, input.userId);
  if (active) return { run: active, joined: true };
  // The active run finished between the two statements: queue again.
  return requestRun(db, input);
}

/** Takes a queued run for this process; another process that raced us gets null. */
export async function claimRun(db: Db, runId: string, now: Date): Promise<SyncRun | null> {
  const [run] = await db
    .update(syncRuns)
    .set({ status: "running", startedAt: now, heartbeatAt: now })
    .where(and(eq(syncRuns.id, runId), eq(syncRuns.status, "queued")))
    .returning();
  return run ?? null;
}

export type RunProgress = Partial<
  Pick<
    SyncRun,
    | "pagesDone"
    | "pagesTotal"
    | "titlesSeen"
    | "titlesTotal"
    | "added"
    | "updated"
    | "unchanged"
    | "removed"
    | "failed"
  >
> & { failures?: SyncFailure[] };

export async function saveProgress(db: Db, runId: string, progress: RunProgress, now: Date) {
  await db
    .update(syncRuns)
    .set({ ...progress, heartbeatAt: now })
    .where(eq(syncRuns.id, runId));
}

/** Ends a run and leaves the person an activity entry (sync or file import) with its outcome. */
export async function finishRun(
  db: Db,
  runId: string,
  outcome: { status: "succeeded" | "failed"; errorCode?: string | null; progress: RunProgress },
  now: Date,
) {
  const [run] = await db
    .update(syncRuns)
    .set({
      ...outcome.progress,
      status: outcome.status,
      errorCode: outcome.errorCode ?? null,
      finishedAt: now,
      heartbeatAt: now,
    })
    .where(eq(syncRuns.id, runId))
    .returning();
  if (!run) return;
  await recordAudit(db, {
    userId: run.userId,
    action: run.kind === "file" ? "import.file" : "audible.sync",
    detail: {
      kind: run.kind,
      status: run.status,
      trigger: run.trigger,
      added: run.added,
      updated: run.updated,
      removed: run.removed,
      failed: run.failed,
      errorCode: run.errorCode,
    },
  });
}

export async function queuedRunIds(db: Db, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(eq(syncRuns.status, "queued"))
    .orderBy(syncRuns.createdAt)
    .limit(limit);
  return rows.map((row) => row.id);
}

/**
 * A run still "running" with an old heartbeat was left by a process that died. It is queued again
 * (resumable: upserts are idempotent and nothing is removed until a scan completes) up to a limit.
 */
export async function recoverStaleRuns(db: Db, input: { staleBefore: Date; maxAttempts: number; now: Date }) {
  const stale = and(eq(syncRuns.status, "running"), lt(syncRuns.heartbeatAt, input.staleBefore));
  const requeued = await db
    .update(syncRuns)
    .set({ status: "queued", attempt: sql`${syncRuns.attempt} + 1`, heartbeatAt: input.now })
    .where(and(stale, lt(syncRuns.attempt, input.maxAttempts)))
    .returning({ id: syncRuns.id });
  const failed = await db
    .update(syncRuns)
    .set({ status: "failed", errorCode: "SYNC_WORKER_LOST", finishedAt: input.now })
    .where(stale)
    .returning({ id: syncRuns.id });
  return { requeued: requeued.length, failed: failed.length };
}

export async function listRuns(db: Db, userId: string, limit: number): Promise<SyncRun[]> {
  return db
    .select()
    .from(syncRuns)
    .where(eq(syncRuns.userId, userId))
    .orderBy(desc(syncRuns.createdAt))
    .limit(limit);
}
