import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/server/db/client";
import { media } from "@/server/db/schema";
import { buildTitle } from "@/server/testing/library-fixtures";
import { createTestDb } from "@/server/testing/test-db";
import { inTextList, insertRows } from "./bulk";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

// Values a text[] literal must escape: quotes, backslashes, commas, braces, spaces, NULL spelled out.
const awkward = ['quo"te', "back\\slash", "com,ma", "{brace}", " spaced ", "NULL", "plain", "ünï"];

describe("insertRows", () => {
  it("writes text exactly, whatever its characters (copied as COPY text)", async () => {
    const title = 'Ünïcödé 日本語 🎧 "quoted" \\ back\nline \u0001 end';
    const [row] = await insertRows(
      handle.db,
      media,
      [buildTitle({ title, marketplace: "yy" }).media],
      ["id"],
    );
    const [stored] = await handle.db
      .select({ title: media.title })
      .from(media)
      .where(eq(media.id, String(row!.id)));
    expect(stored?.title).toBe(title);
  });
});

describe("inTextList", () => {
  it("matches exactly the listed values, however they are spelled", async () => {
    const rows = [...awkward, "not-listed"].map((asin) => buildTitle({ asin, marketplace: "zz" }).media);
    await insertRows(handle.db, media, rows);
    const found = await handle.db
      .select({ asin: media.asin })
      .from(media)
      .where(and(eq(media.marketplace, "zz"), inTextList(media.asin, awkward)));
    expect(found.map((row) => row.asin).sort()).toEqual([...awkward].sort());
  });

  it("matches nothing for an empty list", async () => {
    const found = await handle.db.select({ asin: media.asin }).from(media).where(inTextList(media.asin, []));
    expect(found).toEqual([]);
  });
});
