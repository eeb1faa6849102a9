import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/server/db/client";
import { createTestDb } from "@/server/testing/test-db";
import { checkHealth } from "./health";
import type { RateLimitStore } from "./rate-limit/store";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

const memory = { kind: "memory", counters: new Map(), close: async () => {} } as unknown as RateLimitStore;
const redis = (ping: () => Promise<string>) =>
  ({ kind: "redis", redis: { ping }, close: async () => {} }) as unknown as RateLimitStore;

describe("checkHealth", () => {
  it("is healthy with a working database and no Redis configured", async () => {
    expect(await checkHealth({ db: async () => handle.db, store: () => memory })).toEqual({
      ok: true,
      checks: { database: "ok", redis: "not configured" },
    });
  });

  it("is unhealthy when the database does not answer, without saying why", async () => {
    const report = await checkHealth({
      db: () => Promise.reject(new Error("ECONNREFUSED secret-host")),
      store: () => memory,
    });
    expect(report).toEqual({ ok: false, checks: { database: "down", redis: "not configured" } });
  });

  it("is unhealthy when a configured Redis fails or hangs", async () => {
    const failing = await checkHealth({
      db: async () => handle.db,
      store: () => redis(() => Promise.reject(new Error("x"))),
    });
    expect(failing.checks.redis).toBe("down");
    const hanging = await checkHealth({
      db: async () => handle.db,
      store: () => redis(() => new Promise(() => {})),
    });
    expect(hanging).toMatchObject({ ok: false, checks: { redis: "down" } });
  });
});
