import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { eq } from "drizzle-orm";
import { idleRss, sampleRss } from "./memory";
import type { BenchDb } from "./databases";

/** What the orchestrator hands one case process (env BENCH_CASE); the case prints a CaseResult JSON line. */
export type CaseInput = {
  db: BenchDb;
  latencyMs: number;
  postgresUrl?: string;
  simBaseUrl: string;
  simEnv: Record<string, string>;
  account: { email: string; password: string };
};

export type CaseResult = CaseInput & {
  titles: number;
  pages: number;
  pagesInFlight: number;
  importMs: number;
  /** The app's own CPU time (user + system) during the import: unlike wall time, not inflated by other load. */
  importCpuMs: number;
  /** The Postgres server's CPU time for this database during the import; null for the embedded database. */
  serverCpuMs: number | null;
  /** 1-minute load average when the import started; above 2 (two cores) the wall times are suspect. */
  loadAverage: number;
  baselineRss: number;
  peakRss: number;
  deltaMs: number;
  deltaRowsWritten: number;
  runStatus: string;
  deltaStatus: string;
};

const input = JSON.parse(process.env.BENCH_CASE ?? "null") as CaseInput;
// The vault and the Audible hosts are read from the environment on first use.
Object.assign(process.env, input.simEnv, {
  TOKEN_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
});

const { SimControl } = await import("@/e2e/simulator/control");
const { readBaseTemplates } = await import("@/server/audible/hosts");
const { defaultTuning } = await import("@/server/audible/sync/engine");
const { sharedPageMapper } = await import("@/server/audible/sync/page-mapper");
const { getVault } = await import("@/server/crypto/vault");
const { syncRuns } = await import("@/server/db/schema");
const { drainSyncQueue } = await import("@/server/jobs/sync-queue");
const { connectThroughRouter } = await import("@/server/testing/audible");
const { signedInCaller } = await import("@/server/testing/users");
const { openFreshDb } = await import("./databases");
const { currentXid, libraryRowsWrittenSince } = await import("./written-rows");
const { serverCpu, serverCpuSince } = await import("./server-cpu");

const control = new SimControl(input.simBaseUrl);
const handle = await openFreshDb(input.db, input.postgresUrl);
try {
  const deps = {
    db: handle.db,
    vault: getVault(),
    templates: readBaseTemplates(input.simEnv),
    now: () => new Date(),
    tuning: defaultTuning,
  };
  const person = await signedInCaller(handle.db);
  await connectThroughRouter(person.caller, input.account);
  const lastRun = async () => {
    const runs = await handle.db
      .select()
      .from(syncRuns)
      .where(eq(syncRuns.userId, person.user.id))
      .orderBy(syncRuns.createdAt);
    return runs.at(-1)!;
  };

  await control.clearFaults();
  if (input.latencyMs > 0)
    await control.addFault({
      route: "library",
      kind: "latency",
      latencyMs: input.latencyMs,
      persistent: true,
    });
  // A running server started its mapper thread at boot (sync-worker.ts), so the idle process has one.
  await sharedPageMapper().warm?.();
  const baselineRss = await idleRss();
  const loadAverage = loadavg()[0]!;
  const memory = sampleRss(50);
  // PGlite runs in this process: its work is already in the process's own CPU time.
  const serverBefore = input.db === "postgres" ? await serverCpu(handle.db) : null;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await drainSyncQueue(deps);
  const importMs = performance.now() - started;
  const cpuUsed = process.cpuUsage(cpu);
  const serverAfter = serverBefore ? await serverCpu(handle.db) : null;
  const peakRss = memory.stop();
  await control.clearFaults();
  const full = await lastRun();

  // The delta always runs without injected latency: its target is the engine's own cost.
  await person.caller.audible.sync();
  const xid = await currentXid(handle.db);
  const deltaStarted = performance.now();
  await drainSyncQueue(deps);
  const deltaMs = performance.now() - deltaStarted;
  const deltaRowsWritten = await libraryRowsWrittenSince(handle.db, xid);
  const delta = await lastRun();

  const result: CaseResult = {
    ...input,
    titles: full.titlesSeen ?? 0,
    pages: full.pagesTotal ?? 0,
    pagesInFlight: deps.tuning.pagesInFlight,
    importMs,
    importCpuMs: (cpuUsed.user + cpuUsed.system) / 1000,
    serverCpuMs: serverBefore && serverAfter ? serverCpuSince(serverBefore, serverAfter) : null,
    loadAverage,
    baselineRss,
    peakRss,
    deltaMs,
    deltaRowsWritten,
    runStatus: `${full.kind} ${full.status}${full.errorCode ? ` ${full.errorCode}` : ""}`,
    deltaStatus: `${delta.kind} ${delta.status}${delta.errorCode ? ` ${delta.errorCode}` : ""}`,
  };
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
} finally {
  await handle.close();
}
