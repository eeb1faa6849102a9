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

  it("compares ids and Audible codes byte by byte in every library index that holds them", async () => {
    const rows = await queryRows<{ index: string; column: string; collation: string }>(
      handle.db,
      sql`select i.indexrelid::regclass::text as index, a.attname as column, c.collname as collation
          from pg_index i
          cross join generate_series(0, i.indnkeyatts - 1) as k
          join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[k]
          join pg_collation c on c.oid = i.indcollation[k]
          where i.indrelid in ('media'::regclass, 'user_media'::regclass)
            and a.attname in ('id', 'marketplace', 'asin', 'parent_asin', 'user_id', 'media_id')`,
    );
    const seen = rows.map((row) => `${row.index}.${row.column}`).sort();
    expect(seen).toEqual([
      "media_parent_asin_idx.parent_asin",
      "media_pkey.id",
      "media_source_marketplace_asin_key.asin",
      "media_source_marketplace_asin_key.marketplace",
      "user_media_pkey.id",
      "user_media_user_added_live_idx.media_id",
      "user_media_user_added_live_idx.user_id",
      "user_media_user_media_key.media_id",
      "user_media_user_media_key.user_id",
      "user_media_user_status_idx.user_id",
    ]);
    expect(new Set(rows.map((row) => row.collation))).toEqual(new Set(["C"]));
  });
});
