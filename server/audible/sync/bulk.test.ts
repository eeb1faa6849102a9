import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/server/db/client";
import { media } from "@/server/db/schema";
import { buildTitle } from "@/server/testing/library-fixtures";
import { createTestDb } from "@/server/testing/test-db";
import { copyValues } from "@/server/db/copy-text";
import { EncodedRow, inTextList, insertRows } from "./bulk";

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

describe("insertRows: rows that define different columns", () => {
  const stored = (asins: string[]) =>
    handle.db
      .select({ asin: media.asin, id: media.id, subtitle: media.subtitle, runtime: media.runtimeMinutes })
      .from(media)
      .where(inArray(media.asin, asins));

  it("never turns one row's missing value into another's NULL, however the rows alternate", async () => {
    const titles = Array.from(
      { length: 6 },
      (_, i) => buildTitle({ marketplace: "gr", subtitle: `Part ${i}`, runtimeMinutes: 100 + i }).media,
    );
    // Every other row leaves the subtitle undefined (the column's current value or default stays), and
    // the last two leave the runtime out as well: three groups, met in turns.
    const rows = titles.map((title, i) => ({
      ...title,
      subtitle: i % 2 === 0 ? title.subtitle : undefined,
      runtimeMinutes: i >= 4 ? undefined : title.runtimeMinutes,
    }));
    await insertRows(handle.db, media, rows);
    const byAsin = new Map((await stored(titles.map((title) => title.asin))).map((row) => [row.asin, row]));
    titles.forEach((title, i) => {
      expect(byAsin.get(title.asin)).toMatchObject({
        subtitle: i % 2 === 0 ? `Part ${i}` : null,
        runtime: i >= 4 ? null : 100 + i,
      });
    });
  });

  it("adds a generated id only to rows without one, and keeps the ids rows bring", async () => {
    const [first, second, third] = Array.from(
      { length: 3 },
      (_, i) => buildTitle({ marketplace: "gi", subtitle: `Volume ${i}` }).media,
    );
    const chosen = "00000000-0000-7000-8000-00000000b01c";
    await insertRows(handle.db, media, [
      new EncodedRow(copyValues(media, first!)),
      // Encoded without its subtitle: other values, other columns, beside the same (no) extra ones.
      new EncodedRow(copyValues(media, { ...third!, subtitle: undefined })),
      new EncodedRow(copyValues(media, second!), { id: chosen }),
    ]);
    const rows = await stored([first!.asin, second!.asin, third!.asin]);
    expect(rows.find((row) => row.asin === second!.asin)?.id).toBe(chosen);
    expect(rows.find((row) => row.asin === third!.asin)?.subtitle).toBeNull();
    const generated = rows.filter((row) => row.asin !== second!.asin).map((row) => row.id);
    expect(generated).toHaveLength(2);
    for (const id of generated) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  it("refuses a row that repeats one of its values' columns beside them", async () => {
    const title = buildTitle({ marketplace: "gx" }).media;
    const values = copyValues(media, title);
    await expect(
      insertRows(handle.db, media, [new EncodedRow(values, { asin: "B0REPEATED" })]),
    ).rejects.toThrow(/repeats column asin/);
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
