import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/server/db/client";
import { insertTitles } from "@/server/testing/library-fixtures";
import { createTestDb } from "@/server/testing/test-db";
import { anonymousCaller, signedInCaller } from "@/server/testing/users";

let handle: DbHandle;
let me: Awaited<ReturnType<typeof signedInCaller>>;

beforeAll(async () => {
  handle = await createTestDb();
  me = await signedInCaller(handle.db);
  await insertTitles(
    handle.db,
    me.user.id,
    Array.from({ length: 120 }, (_, index) => ({ title: `Book ${index}` })),
  );
});
afterAll(() => handle.close());

describe("library router", () => {
  it("pages 48 at a time by default and at most 100", async () => {
    const first = await me.caller.library.list({});
    expect(first.items).toHaveLength(48);
    expect(first.total).toEqual({ count: 120, capped: false });
    const big = await me.caller.library.list({ limit: 100 });
    expect(big.items).toHaveLength(100);
    await expect(me.caller.library.list({ limit: 101 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses unknown sorts and filters at the boundary", async () => {
    await expect(me.caller.library.list({ sort: "random" as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(me.caller.library.list({ status: "abandoned" as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(me.caller.library.list({ search: "x".repeat(201) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("needs a signed-in person for every procedure", async () => {
    const anonymous = anonymousCaller(handle.db);
    await expect(anonymous.library.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.library.item({ id: "x" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.library.facets()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(anonymous.library.stats()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("returns stats and facets through their output schemas", async () => {
    expect((await me.caller.library.stats()).totalTitles).toBe(120);
    expect((await me.caller.library.facets()).authors).toEqual([{ name: "Ann Author", count: 120 }]);
  });
});
