import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/server/db/client";
import { queryRows } from "@/server/db/query-rows";
import { createTestDb } from "@/server/testing/test-db";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

describe("library indexes", () => {
  it("index podcast episodes by parent, and leave titles without one out (every book a first import adds)", async () => {
    const [index] = await queryRows<{ indexdef: string }>(
      handle.db,
      sql`select indexdef from pg_indexes where indexname = 'media_parent_asin_idx'`,
    );
    expect(index?.indexdef).toMatch(/\(parent_asin\) WHERE \(parent_asin IS NOT NULL\)$/);
  });
});
