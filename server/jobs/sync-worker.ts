import { defaultTuning, type SyncDeps } from "@/server/audible/sync/engine";
import { sharedPageMapper } from "@/server/audible/sync/page-mapper";
import { readBaseTemplates } from "@/server/audible/hosts";
import { getVault } from "@/server/crypto/vault";
import { getDb } from "@/server/db";
import { log } from "@/server/log";
import { drainSyncQueue, enqueueDailySyncs, recoverAbandonedRuns } from "./sync-queue";

const POLL_MS = 3_000;
const HOUSEKEEPING_MS = 60_000;

type WorkerState = { timer?: NodeJS.Timeout; draining?: Promise<void>; lastHousekeeping: number };
// One worker per process, however often Next evaluates this module.
const store = globalThis as unknown as { __mediaFeedSyncWorker?: WorkerState };

async function syncDeps(): Promise<SyncDeps> {
  return {
    db: await getDb(),
    vault: getVault(),
    templates: readBaseTemplates(),
    now: () => new Date(),
    tuning: defaultTuning,
  };
}

async function tick(state: WorkerState) {
  const deps = await syncDeps();
  if (Date.now() - state.lastHousekeeping >= HOUSEKEEPING_MS) {
    state.lastHousekeeping = Date.now();
    const recovered = await recoverAbandonedRuns(deps.db, deps.now());
    if (recovered.requeued + recovered.failed > 0)
      log.info(recovered, "recovered sync runs left by a dead process");
    await enqueueDailySyncs(deps.db, deps.now());
  }
  await drainSyncQueue(deps);
}

/** Wakes the worker now instead of at its next poll; concurrent wake-ups share one drain. */
export function kickSyncWorker() {
  const state = (store.__mediaFeedSyncWorker ??= { lastHousekeeping: 0 });
  state.draining ??= tick(state)
    .catch((error: unknown) => log.error({ err: error }, "sync worker tick failed"))
    .finally(() => {
      state.draining = undefined;
    });
  return state.draining;
}

/**
 * Syncs run in the app's own process, claimed through the sync_runs table (see DESIGN.md "Jobs"):
 * queued runs survive restarts, and several instances share the work without running one twice.
 */
export function startSyncWorker() {
  const state = (store.__mediaFeedSyncWorker ??= { lastHousekeeping: 0 });
  if (state.timer) return;
  state.timer = setInterval(() => void kickSyncWorker(), POLL_MS);
  state.timer.unref();
  // Loading the mapper thread takes a few hundred ms; paid at boot, not by the first sync after a deploy.
  void sharedPageMapper().warm?.();
  void kickSyncWorker();
}
