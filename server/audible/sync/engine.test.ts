import { randomBytes } from "node:crypto";
import { and, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSimulator, type Simulator } from "@/e2e/simulator/server";
import { readBaseTemplates } from "@/server/audible/hosts";
import { getVault } from "@/server/crypto/vault";
import type { DbHandle } from "@/server/db/client";
import { media, syncRuns, userMedia } from "@/server/db/schema";
import { drainSyncQueue, recoverAbandonedRuns } from "@/server/jobs/sync-queue";
import { connectThroughRouter } from "@/server/testing/audible";
import { queryRows } from "@/server/db/query-rows";
import { createTestDb } from "@/server/testing/test-db";
import { signedInCaller } from "@/server/testing/users";
import { defaultTuning, type SyncDeps } from "./engine";

let sim: Simulator;
let handle: DbHandle;
let deps: SyncDeps;

beforeAll(async () => {
  sim = await startSimulator();
  for (const [key, value] of Object.entries(sim.env)) vi.stubEnv(key, value);
  vi.stubEnv("TOKEN_ENCRYPTION_KEYS", `test:${randomBytes(32).toString("base64")}`);
  handle = await createTestDb();
  deps = {
    db: handle.db,
    vault: getVault(),
    templates: readBaseTemplates(sim.env),
    now: () => new Date(),
    tuning: { ...defaultTuning, pageSize: 500 },
  };
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await handle.close();
  await sim.close();
});

/** A person with a fresh simulated Audible account of `size` titles, connected, first import not yet run. */
async function connectedPerson(size: number) {
  const email = `sync-${randomBytes(4).toString("hex")}@example.com`;
  await sim.control.createAccount({ email, password: "pw-123456", library: { seed: email, size } });
  const person = await signedInCaller(handle.db);
  await connectThroughRouter(person.caller, { email, password: "pw-123456" });
  return { ...person, email };
}

/** Asks for a sync as the person would, runs the queue, and returns the run it made. */
async function syncAgain(
  { caller, user }: Awaited<ReturnType<typeof signedInCaller>>,
  input?: { full: boolean },
) {
  await caller.audible.sync(input);
  await drainSyncQueue(deps);
  return latestRun(user.id);
}

async function libraryRows(userId: string) {
  return handle.db
    .select({
      mediaId: userMedia.mediaId,
      status: userMedia.status,
      progress: userMedia.progressPercent,
      removedAt: userMedia.removedAt,
    })
    .from(userMedia)
    .where(eq(userMedia.userId, userId))
    .orderBy(userMedia.mediaId);
}

async function latestRun(userId: string) {
  const runs = await handle.db
    .select()
    .from(syncRuns)
    .where(eq(syncRuns.userId, userId))
    .orderBy(syncRuns.createdAt);
  return runs.at(-1)!;
}

describe("sync engine against the simulator", () => {
  it("imports 2,500 titles with exact counts, then an unchanged delta writes nothing", async () => {
    const person = await connectedPerson(2500);
    const { user, caller, email } = person;
    const listed = await sim.control.getAccount(email);
    await drainSyncQueue(deps);

    const run = await latestRun(user.id);
    expect(run).toMatchObject({ kind: "full", status: "succeeded", pagesDone: 5, pagesTotal: 5, failed: 0 });
    // Returned titles are not listed by Audible's default library call, so the import has the active ones.
    const active = listed.library.active;
    expect(listed.library.total).toBe(2500);
    expect(run).toMatchObject({ added: active, titlesSeen: active, removed: 0, updated: 0 });
    const [present] = await handle.db
      .select({ n: count() })
      .from(userMedia)
      .where(and(eq(userMedia.userId, user.id), isNull(userMedia.removedAt)));
    expect(present?.n).toBe(active);
    // The planner was told the tables grew (PGlite never learns it on its own: no autovacuum).
    const rows = await queryRows<{ reltuples: number }>(
      handle.db,
      sql`select reltuples from pg_class where relname in ('media', 'user_media')`,
    );
    for (const table of rows) expect(Number(table.reltuples)).toBeGreaterThanOrEqual(active);
    expect(rows).toHaveLength(2);
    const status = await caller.audible.status();
    expect(status).toMatchObject({
      connected: true,
      titleCount: active,
      activeRun: null,
      lastRun: { status: "succeeded" },
    });

    expect(await syncAgain(person)).toMatchObject({
      kind: "delta",
      status: "succeeded",
      added: 0,
      updated: 0,
      removed: 0,
    });
  });

  it("turns buy 3, return 1 and progress 5 into a delta with exactly those changes", async () => {
    const person = await connectedPerson(300);
    const { email } = person;
    await drainSyncQueue(deps);
    const before = await sim.control.library(email, 1000);
    const active = before.entries.filter((entry) => entry.status === "Active");

    await sim.control.buy(email, 3);
    await sim.control.returnTitle(email, active[0]!.asin);
    for (const entry of active.slice(10, 15)) await sim.control.progress(email, entry.asin, { percent: 97 });

    expect(await syncAgain(person)).toMatchObject({
      kind: "delta",
      status: "succeeded",
      added: 3,
      updated: 5,
      removed: 1,
      failed: 0,
    });
  });

  it("marks titles a complete full scan no longer finds as removed, and only those", async () => {
    const person = await connectedPerson(1500);
    const { user, email } = person;
    await drainSyncQueue(deps);
    const active = (await sim.control.library(email, 1500)).entries.filter(
      (entry) => entry.status === "Active",
    );
    const returned = [active[3]!.asin, active[1200]!.asin];
    for (const asin of returned) await sim.control.returnTitle(email, asin);
    await sim.control.buy(email, 2);

    expect(await syncAgain(person, { full: true })).toMatchObject({
      kind: "full",
      status: "succeeded",
      added: 2,
      removed: 2,
    });
    const removed = await handle.db
      .select({ asin: media.asin })
      .from(userMedia)
      .innerJoin(media, eq(media.id, userMedia.mediaId))
      .where(and(eq(userMedia.userId, user.id), isNotNull(userMedia.removedAt)));
    expect(removed.map((row) => row.asin).sort()).toEqual([...returned].sort());
  });

  it("fails on page 3 of 5 without removing anything, and a re-run ends exactly like an uninterrupted run", async () => {
    const interrupted = await connectedPerson(2500);
    await sim.control.addFault({
      route: "library",
      kind: "server-error",
      persistent: true,
      onlyPage: 3,
    } as never);
    try {
      await drainSyncQueue(deps);
    } finally {
      await sim.control.clearFaults();
    }
    expect(await latestRun(interrupted.user.id)).toMatchObject({
      status: "failed",
      errorCode: "AUDIBLE_UNAVAILABLE",
    });
    const [removed] = await handle.db
      .select({ n: count() })
      .from(userMedia)
      .where(and(eq(userMedia.userId, interrupted.user.id), isNotNull(userMedia.removedAt)));
    expect(removed?.n).toBe(0);

    await interrupted.caller.audible.sync({ full: true });
    await drainSyncQueue(deps);
    expect(await latestRun(interrupted.user.id)).toMatchObject({ status: "succeeded" });

    // Same library (same seed) for a second person, synced without interruption.
    const clean = await signedInCaller(handle.db);
    await connectThroughRouter(clean.caller, { email: interrupted.email, password: "pw-123456" });
    const rowsOf = async (userId: string) =>
      (await libraryRows(userId)).map(({ mediaId, status, progress, removedAt }) => ({
        mediaId,
        status,
        progress,
        removed: !!removedAt,
      }));
    await drainSyncQueue(deps);
    expect(await rowsOf(clean.user.id)).toEqual(await rowsOf(interrupted.user.id));
  });

  it("rides out an HTML 503 and a 429 with Retry-After, and retries a title-less first page", async () => {
    const { user, email } = await connectedPerson(120);
    await sim.control.addFault({ route: "library", kind: "html-503", times: 1 });
    await sim.control.addFault({ route: "library", kind: "rate-limit", retryAfter: 1, times: 1 });
    await sim.control.addFault({ route: "library", kind: "titleless-items", times: 1 });
    await sim.control.clearCalls();
    await drainSyncQueue(deps);
    const run = await latestRun(user.id);
    expect(run).toMatchObject({ status: "succeeded", failed: 0 });
    expect(run.added).toBe((await sim.control.getAccount(email)).library.active);
    const calls = await sim.control.calls("library");
    const limited = calls.findIndex((call) => call.status === 429);
    expect(limited).toBeGreaterThanOrEqual(0);
    // Pages go concurrently: the retry is the next call for the same page.
    const pageOf = (path: unknown) => new URL(String(path), "http://sim").searchParams.get("page");
    const retry = calls.slice(limited + 1).find((call) => pageOf(call.path) === pageOf(calls[limited]?.path));
    expect(Date.parse(String(retry?.at))).toBeGreaterThanOrEqual(
      Date.parse(String(calls[limited]?.at)) + 1000,
    );
  });

  it("asks for finish dates alongside the first pages; when that call fails the run fails and writes nothing", async () => {
    const { user } = await connectedPerson(120);
    await sim.control.addFault({ route: "stats-finished", kind: "server-error", persistent: true });
    await sim.control.clearCalls();
    await drainSyncQueue(deps);
    await sim.control.clearFaults();
    expect(await latestRun(user.id)).toMatchObject({ status: "failed", errorCode: "AUDIBLE_UNAVAILABLE" });
    expect(await libraryRows(user.id)).toEqual([]);
    // The library's first round went out while the finish dates were still being asked for.
    expect((await sim.control.calls("library")).length).toBeGreaterThan(0);
  });

  it("asks for a whole first round at once on a full scan; a small library's guesses past the end cost nothing", async () => {
    const { user, caller, email } = await connectedPerson(120);
    await sim.control.clearCalls();
    await drainSyncQueue(deps);
    const pageOf = (path: unknown) => new URL(String(path), "http://sim").searchParams.get("page");
    const full = await sim.control.calls("library");
    expect(full.map((call) => pageOf(call.path)).sort()).toEqual(["1", "2", "3"]);
    const active = (await sim.control.getAccount(email)).library.active;
    expect(await latestRun(user.id)).toMatchObject({
      status: "succeeded",
      pagesDone: 1,
      pagesTotal: 1,
      added: active,
      titlesSeen: active,
    });

    await sim.control.clearCalls();
    await caller.audible.sync();
    await drainSyncQueue(deps);
    expect((await sim.control.calls("library")).map((call) => pageOf(call.path))).toEqual(["1"]);
  });

  it("joins two simultaneous sync requests into one run", async () => {
    const { caller, user } = await connectedPerson(50);
    await drainSyncQueue(deps);
    const [a, b] = await Promise.all([caller.audible.sync(), caller.audible.sync()]);
    expect(a.run.id).toBe(b.run.id);
    expect([a.joined, b.joined].sort()).toEqual([false, true]);
    await drainSyncQueue(deps);
    const runs = await handle.db.select().from(syncRuns).where(eq(syncRuns.userId, user.id));
    expect(runs).toHaveLength(2);
  });

  it("recovers a run left running by a process that died", async () => {
    const { user } = await connectedPerson(80);
    const run = await latestRun(user.id);
    const longAgo = new Date(Date.now() - 60 * 60 * 1000);
    await handle.db
      .update(syncRuns)
      .set({ status: "running", startedAt: longAgo, heartbeatAt: longAgo })
      .where(eq(syncRuns.id, run.id));
    expect(await drainSyncQueue(deps)).toBe(0);
    expect(await recoverAbandonedRuns(handle.db, new Date())).toMatchObject({ requeued: 1 });
    await drainSyncQueue(deps);
    expect(await latestRun(user.id)).toMatchObject({ id: run.id, status: "succeeded", attempt: 2 });
  });
});
