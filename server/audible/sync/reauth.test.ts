import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSimulator, type Simulator } from "@/e2e/simulator/server";
import { freshSecrets } from "@/server/audible/connection/access-token";
import { readBaseTemplates } from "@/server/audible/hosts";
import { getVault } from "@/server/crypto/vault";
import type { DbHandle } from "@/server/db/client";
import { audibleAccounts, syncRuns } from "@/server/db/schema";
import { drainSyncQueue } from "@/server/jobs/sync-queue";
import { connectThroughRouter } from "@/server/testing/audible";
import { createTestDb } from "@/server/testing/test-db";
import { signedInCaller } from "@/server/testing/users";
import { defaultTuning, type SyncDeps } from "./engine";

let sim: Simulator;
let handle: DbHandle;
let deps: SyncDeps;

beforeAll(async () => {
  sim = await startSimulator();
  for (const [key, value] of Object.entries(sim.env)) vi.stubEnv(key, value);
  handle = await createTestDb();
  deps = {
    db: handle.db,
    vault: getVault(),
    templates: readBaseTemplates(sim.env),
    now: () => new Date(),
    tuning: defaultTuning,
  };
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await handle.close();
  await sim.close();
});

async function connectedPerson() {
  const email = `reauth-${randomBytes(4).toString("hex")}@example.com`;
  await sim.control.createAccount({ email, password: "pw-123456", library: { seed: email, size: 30 } });
  const person = await signedInCaller(handle.db);
  await connectThroughRouter(person.caller, { email, password: "pw-123456" });
  return { ...person, email };
}

const accountOf = async (userId: string) =>
  (await handle.db.select().from(audibleAccounts).where(eq(audibleAccounts.userId, userId)))[0]!;

describe("access tokens during a sync", () => {
  it("refreshes an expired token once for many concurrent callers", async () => {
    const { user } = await connectedPerson();
    await handle.db
      .update(audibleAccounts)
      .set({ accessTokenExpiresAt: new Date(0) })
      .where(eq(audibleAccounts.userId, user.id));
    const account = await accountOf(user.id);
    await sim.control.clearCalls();
    const results = await Promise.all(Array.from({ length: 5 }, () => freshSecrets(deps, account)));
    expect(new Set(results.map((secrets) => secrets.accessToken)).size).toBe(1);
    expect(await sim.control.calls("token")).toHaveLength(1);
  });

  it("fails the run with AUDIBLE_REAUTH_REQUIRED and flags the account when Amazon has dropped the device", async () => {
    const { user, caller, email } = await connectedPerson();
    await sim.control.revokeDevices({ email });
    await drainSyncQueue(deps);
    const [run] = await handle.db.select().from(syncRuns).where(eq(syncRuns.userId, user.id));
    expect(run).toMatchObject({ status: "failed", errorCode: "AUDIBLE_REAUTH_REQUIRED" });
    expect(await caller.audible.status()).toMatchObject({ connected: true, needsReconnect: true });
    await expect(caller.audible.sync()).rejects.toMatchObject({ appCode: "AUDIBLE_REAUTH_REQUIRED" });
  });

  it("reconnecting keeps the library and replaces the credentials", async () => {
    const { user, caller, email } = await connectedPerson();
    await drainSyncQueue(deps);
    const titles = (await caller.audible.status()) as { titleCount: number };
    await sim.control.revokeDevices({ email });
    await caller.audible.sync();
    await drainSyncQueue(deps);
    const before = await accountOf(user.id);
    expect(before.status).toBe("reauth_required");

    const reconnected = await connectThroughRouter(caller, { email, password: "pw-123456" });
    expect(reconnected.reconnected).toBe(true);
    const after = await accountOf(user.id);
    expect(after).toMatchObject({ id: before.id, status: "connected" });
    expect(after.refreshTokenEnc).not.toBe(before.refreshTokenEnc);
    await drainSyncQueue(deps);
    expect(await caller.audible.status()).toMatchObject({
      needsReconnect: false,
      titleCount: titles.titleCount,
    });
  });
});
