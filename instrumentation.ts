// Runs once when the server starts: configuration errors stop it here, not on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  await import("./lib/env");
  // A malformed vault key stops the boot; a missing one in production leaves Audible "not configured".
  const { log } = await import("./server/log");
  if (process.env.TOKEN_ENCRYPTION_KEYS || process.env.NODE_ENV !== "production") {
    const { getVault } = await import("./server/crypto/vault");
    getVault();
  } else {
    log.error("TOKEN_ENCRYPTION_KEYS is not set: Audible features are unavailable until it is");
  }
  const { requiredPlans } = await import("./server/audible/availability");
  requiredPlans();
  // A mistyped RATE_LIMIT_* override stops the boot instead of surfacing on the first limited call.
  const { resolveRatePolicies } = await import("./server/rate-limit/policies");
  resolveRatePolicies();
  const { getDbHandle } = await import("./server/db");
  await getDbHandle();
  const { startSyncWorker } = await import("./server/jobs/sync-worker");
  startSyncWorker();
}
