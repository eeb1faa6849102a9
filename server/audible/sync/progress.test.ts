import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/server/db/client";
import { syncRuns } from "@/server/db/schema";
import { createTestDb } from "@/server/testing/test-db";
import { signedInCaller } from "@/server/testing/users";
import { RunTracker } from "./progress";
import { requestRun } from "./runs";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

async function newRun() {
  const { user } = await signedInCaller(handle.db);
  const { run } = await requestRun(handle.db, { userId: user.id, kind: "full", trigger: "test" });
  return run;
}

const stored = async (runId: string) => {
  const [run] = await handle.db.select().from(syncRuns).where(eq(syncRuns.id, runId));
  return run!;
};

describe("RunTracker", () => {
  it("saves each page's progress in order, as it was when saved, while the writer goes on", async () => {
    const run = await newRun();
    const tracker = new RunTracker(handle.db, run.id, () => new Date("2026-11-01T00:00:00Z"));
    for (let page = 1; page <= 3; page++) {
      tracker.add({ added: 1000, updated: 0, unchanged: 0, removed: 0 });
      tracker.pagesDone = page;
      void tracker.save();
      // The next page's counts are taken before the last save has reached the database.
      tracker.titlesSeen = page * 1000;
    }
    await tracker.flush();
    expect(await stored(run.id)).toMatchObject({ pagesDone: 3, added: 3000, titlesSeen: 2000 });
  });

  it("reports a save that failed when flushed, and saves nothing after it", async () => {
    const run = await newRun();
    let saves = 0;
    const failing = new RunTracker(
      handle.db,
      run.id,
      // A date the database cannot store fails the update.
      () => (++saves === 1 ? new Date(Number.NaN) : new Date("2026-11-01T00:00:00Z")),
    );
    failing.pagesDone = 1;
    void failing.save();
    failing.pagesDone = 2;
    void failing.save();
    await expect(failing.flush()).rejects.toThrow();
    expect(await stored(run.id)).toMatchObject({ pagesDone: 0 });
  });
});
