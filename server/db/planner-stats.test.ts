import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/server/db/client";
import { queryRows } from "@/server/db/query-rows";
import { insertTitles } from "@/server/testing/library-fixtures";
import { createTestDb } from "@/server/testing/test-db";
import { signedInCaller } from "@/server/testing/users";
import { BULK_WRITE_ROWS, refreshLibraryStats } from "./planner-stats";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

const statisticsOf = async (table: string) =>
  (
    await queryRows<{ attname: string }>(
      handle.db,
      sql`select attname from pg_stats where schemaname = current_schema() and tablename = ${table}`,
    )
  )
    .map((row) => row.attname)
    .sort();

describe("refreshLibraryStats", () => {
  it("after a bulk write, reads the statistics plans depend on, and only those", async () => {
    const { user } = await signedInCaller(handle.db);
    await insertTitles(
      handle.db,
      user.id,
      Array.from({ length: BULK_WRITE_ROWS }, (_, i) => ({
        series: [{ title: `Saga ${i % 7}`, sequence: "1" }],
      })),
    );
    await refreshLibraryStats(handle.db, BULK_WRITE_ROWS);
    expect(await statisticsOf("media")).toEqual(
      ["asin", "authors", "content_type", "id", "marketplace", "parent_asin", "series", "source"].sort(),
    );
    expect(await statisticsOf("user_media")).toEqual(
      ["added_at", "finished_at", "media_id", "progress_percent", "removed_at", "status", "user_id"].sort(),
    );
  });
});
