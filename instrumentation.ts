// Runs once when the server starts: configuration errors stop it here, not on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  await import("./lib/env");
  // The vault refuses a missing or malformed key in production: fail at start, not on first connect.
  const { getVault } = await import("./server/crypto/vault");
  getVault();
  // A mistyped RATE_LIMIT_* override stops the boot instead of surfacing on the first limited call.
  const { resolveRatePolicies } = await import("./server/rate-limit/policies");
  resolveRatePolicies();
  const { getDbHandle } = await import("./server/db");
  await getDbHandle();
  const { startSyncWorker } = await import("./server/jobs/sync-worker");
  startSyncWorker();
}
