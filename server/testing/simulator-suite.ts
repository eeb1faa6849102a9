import { afterAll, beforeAll, vi } from "vitest";
import { startSimulator, type Simulator } from "@/e2e/simulator/server";
import type { DbHandle } from "@/server/db/client";
import { createTestDb } from "./test-db";

/**
 * For a test file that talks to the simulator: starts one on a random port, points the app's Audible
 * base URLs at it, opens a fresh database, and undoes all three after the file. Read `suite.sim` and
 * `suite.db` inside tests (they are set once beforeAll has run).
 */
export function useSimulatorAndDb() {
  const suite = {} as { sim: Simulator; handle: DbHandle; db: DbHandle["db"] };
  beforeAll(async () => {
    suite.sim = await startSimulator();
    for (const [key, value] of Object.entries(suite.sim.env)) vi.stubEnv(key, value);
    suite.handle = await createTestDb();
    suite.db = suite.handle.db;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await suite.handle?.close();
    await suite.sim?.close();
  });
  return suite;
}
