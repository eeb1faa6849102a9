import { randomBytes } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { readBaseTemplates } from "@/server/audible/hosts";
import { defaultTuning } from "@/server/audible/sync/engine";
import { getVault } from "@/server/crypto/vault";
import {
  audibleAccounts,
  auditLog,
  connectAttempts,
  media,
  syncRuns,
  userMedia,
  users,
} from "@/server/db/schema";
import { drainSyncQueue } from "@/server/jobs/sync-queue";
import { connectThroughRouter } from "@/server/testing/audible";
import { useSimulatorAndDb } from "@/server/testing/simulator-suite";
import { signedInCaller } from "@/server/testing/users";

const suite = useSimulatorAndDb();

const rowsOf = async (
  table:
    typeof auditLog | typeof syncRuns | typeof userMedia | typeof connectAttempts | typeof audibleAccounts,
  userId: string,
) => (await suite.handle.db.select({ n: count() }).from(table).where(eq(table.userId, userId)))[0]!.n;

describe("account deletion", () => {
  it("deregisters the Audible device first, then removes everything of the person's but the shared catalogue", async () => {
    const email = `delete-${randomBytes(4).toString("hex")}@example.com`;
    await suite.sim.control.createAccount({
      email,
      password: "pw-123456",
      library: { seed: email, size: 40 },
    });
    const { caller, user } = await signedInCaller(suite.handle.db);
    await connectThroughRouter(caller, { email, password: "pw-123456" });
    const deps = {
      db: suite.handle.db,
      vault: getVault(),
      templates: readBaseTemplates(suite.sim.env),
      now: () => new Date(),
      tuning: defaultTuning,
    };
    await drainSyncQueue(deps);
    await caller.audible.connect.start({ marketplace: "uk" }).catch(() => undefined);
    expect(await rowsOf(userMedia, user.id)).toBeGreaterThan(0);
    const catalogue = (await suite.handle.db.select({ n: count() }).from(media))[0]!.n;

    await expect(caller.account.delete({ confirmEmail: "someone-else@example.com" })).rejects.toMatchObject({
      appCode: "VALIDATION_FAILED",
    });
    expect(await rowsOf(audibleAccounts, user.id)).toBe(1);

    await suite.sim.control.clearCalls();
    expect(await caller.account.delete({ confirmEmail: ` ${user.email.toUpperCase()} ` })).toEqual({
      deleted: true,
      audibleDeregistered: true,
    });
    const deregisters = await suite.sim.control.calls("deregister");
    expect(deregisters).toHaveLength(1);
    expect(JSON.stringify(deregisters[0]?.body)).toContain('"deregister_all_existing_accounts":false');

    expect(await suite.handle.db.select().from(users).where(eq(users.id, user.id))).toEqual([]);
    for (const table of [audibleAccounts, connectAttempts, syncRuns, userMedia, auditLog]) {
      expect(await rowsOf(table, user.id)).toBe(0);
    }
    expect((await suite.handle.db.select({ n: count() }).from(media))[0]!.n).toBe(catalogue);
  });

  it("lists the person's activity newest first", async () => {
    const email = `activity-${randomBytes(4).toString("hex")}@example.com`;
    await suite.sim.control.createAccount({
      email,
      password: "pw-123456",
      library: { seed: email, size: 5 },
    });
    const { caller } = await signedInCaller(suite.handle.db);
    await connectThroughRouter(caller, { email, password: "pw-123456" });
    await drainSyncQueue({
      db: suite.handle.db,
      vault: getVault(),
      templates: readBaseTemplates(suite.sim.env),
      now: () => new Date(),
      tuning: defaultTuning,
    });
    await caller.audible.disconnect({ keepLibrary: true });
    const activity = await caller.account.activity();
    expect(activity.map((entry) => entry.action)).toEqual([
      "audible.disconnect",
      "audible.sync",
      "audible.connect",
    ]);
    const active = (await suite.sim.control.getAccount(email)).library.active;
    expect(activity[1]?.detail).toMatchObject({ kind: "full", status: "succeeded", added: active });
  });
});
