import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/server/testing/test-db";
import { runsOnThisThread, type DbHandle } from "./client";
import { connectWithoutDelay } from "./postgres-socket";

describe("runsOnThisThread", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(() => handle.close());

  it("tells the embedded database, which runs statements on this thread, from Postgres", () => {
    expect(runsOnThisThread(handle.db)).toBe(handle.kind === "pglite");
  });
});

describe.runIf(process.env.DATABASE_URL)("openPostgres", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
  });
  afterAll(() => handle.close());

  it("connects through sockets with Nagle's algorithm off", () => {
    const client = (handle.db as unknown as { $client: { options: { socket?: unknown } } }).$client;
    expect(client.options.socket).toBe(connectWithoutDelay);
  });
});
