import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/server/db";
import { audibleAccounts, syncRuns, users } from "@/server/db/schema";
import { insertTitles } from "@/server/testing/library-fixtures";
import { createTestDb } from "@/server/testing/test-db";
import { connectionStatus } from "./status";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle.close();
});

async function person(plan: "basic" | "premium" = "basic") {
  const [row] = await handle.db
    .insert(users)
    .values({ email: `status-${crypto.randomUUID()}@example.com`, plan })
    .returning({ id: users.id });
  return row!.id;
}

async function connect(userId: string, marketplace = "us") {
  await handle.db.insert(audibleAccounts).values({
    userId,
    marketplace,
    amazonUserId: `amzn-${userId}`,
    customerName: "Listener",
    deviceSerial: "serial",
    deviceName: "Media Feed",
    accessTokenEnc: "x",
    refreshTokenEnc: "x",
    adpTokenEnc: "x",
    devicePrivateKeyEnc: "x",
    cookiesEnc: "x",
    keyId: "k",
    accessTokenExpiresAt: new Date("2030-01-01T00:00:00Z"),
    connectedAt: new Date("2024-05-01T00:00:00Z"),
  });
}

const run = (userId: string, status: "queued" | "running" | "succeeded" | "failed", createdAt: string) =>
  handle.db
    .insert(syncRuns)
    .values({ userId, kind: "delta", status, createdAt: new Date(createdAt) })
    .returning()
    .then(([row]) => row!);

describe("connectionStatus", () => {
  it("reports no connection, with the person's availability, and the same for a person who is gone", async () => {
    const userId = await person();
    await run(userId, "succeeded", "2024-06-01T00:00:00Z");
    expect(await connectionStatus(handle.db, userId)).toEqual({
      connected: false,
      availability: "available",
    });
    expect(await connectionStatus(handle.db, "no-such-person")).toEqual({
      connected: false,
      availability: "available",
    });
  });

  it("shows the account, the titles held from its marketplace and the newest finished run", async () => {
    const userId = await person("premium");
    await connect(userId, "uk");
    await insertTitles(handle.db, userId, [
      { marketplace: "uk" },
      { marketplace: "uk" },
      { marketplace: "uk", mine: { removedAt: new Date() } },
      { marketplace: "us" },
    ]);
    await run(userId, "failed", "2024-06-01T00:00:00Z");
    const newest = await run(userId, "succeeded", "2024-06-02T00:00:00Z");

    const status = await connectionStatus(handle.db, userId);
    expect(status).toMatchObject({
      connected: true,
      availability: "available",
      marketplace: "uk",
      accountName: "Listener",
      deviceName: "Media Feed",
      connectedSince: new Date("2024-05-01T00:00:00Z"),
      lastSyncAt: null,
      lastError: null,
      needsReconnect: false,
      titleCount: 2,
      activeRun: null,
      lastRun: { id: newest.id, status: "succeeded" },
    });
    expect(status.connected && status.lastRun).not.toHaveProperty("userId");
    expect(status.connected && status.lastRun).not.toHaveProperty("heartbeatAt");
  });

  it("shows a queued run as active and the run before it as the last one", async () => {
    const userId = await person();
    await connect(userId);
    await run(userId, "succeeded", "2024-06-01T00:00:00Z");
    const previous = await run(userId, "failed", "2024-06-02T00:00:00Z");
    const queued = await run(userId, "queued", "2024-06-03T00:00:00Z");

    expect(await connectionStatus(handle.db, userId)).toMatchObject({
      titleCount: 0,
      activeRun: { id: queued.id, status: "queued" },
      lastRun: { id: previous.id, status: "failed" },
    });
  });

  it("has neither run before the first sync, and only the active one during it", async () => {
    const userId = await person();
    await connect(userId);
    expect(await connectionStatus(handle.db, userId)).toMatchObject({ activeRun: null, lastRun: null });
    const running = await run(userId, "running", "2024-06-01T00:00:00Z");
    expect(await connectionStatus(handle.db, userId)).toMatchObject({
      activeRun: { id: running.id },
      lastRun: null,
    });
  });

  it("never picks one run twice when two share a timestamp", async () => {
    const userId = await person();
    await connect(userId);
    await run(userId, "succeeded", "2024-06-01T00:00:00Z");
    await run(userId, "queued", "2024-06-01T00:00:00Z");
    const status = await connectionStatus(handle.db, userId);
    if (!status.connected) throw new Error("expected a connection");
    expect(status.lastRun?.id).not.toBe(status.activeRun?.id ?? "");
  });
});
