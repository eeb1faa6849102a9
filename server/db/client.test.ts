import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/server/testing/test-db";
import { runsOnThisThread, type DbHandle } from "./client";

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
