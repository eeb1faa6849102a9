import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/server/db/client";
import { createTestDb } from "@/server/testing/test-db";
import { anonymousCaller, signedInCaller } from "@/server/testing/users";
import { appRouter } from "./root";

type Pair = { a: Awaited<ReturnType<typeof signedInCaller>>; b: Awaited<ReturnType<typeof signedInCaller>> };

/**
 * One entry per procedure. A new procedure fails "covers every procedure" until someone writes down
 * how user A might reach user B's data through it and proves that they cannot.
 */
const crossUserChecks: Record<string, (pair: Pair) => Promise<void>> = {
  "account.me": async ({ a, b }) => {
    const mine = await a.caller.account.me();
    expect(mine.id).toBe(a.user.id);
    expect(JSON.stringify(mine)).not.toContain(b.user.email);
  },
};

let handle: DbHandle;
let pair: Pair;
beforeAll(async () => {
  handle = await createTestDb();
  pair = { a: await signedInCaller(handle.db), b: await signedInCaller(handle.db) };
});
afterAll(() => handle.close());

describe("one user cannot read another user's data", () => {
  it("covers every procedure of the app router", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(crossUserChecks).sort());
  });

  it.each(Object.keys(crossUserChecks))("%s", async (path) => {
    await crossUserChecks[path]!(pair);
  });

  it("refuses anonymous callers on protected procedures", async () => {
    await expect(anonymousCaller(handle.db).account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
