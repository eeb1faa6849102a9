import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/server/testing/test-db";
import type { DbHandle } from "./client";
import { copyRows } from "./copy-rows";
import { copyField } from "./copy-text";
import { queryRows } from "./query-rows";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

const columns = ["label", "doc", "at", "score", "flag", "kind"];
const staging = sql`create temp table copy_test (label text, doc jsonb, at timestamptz, score real, flag boolean, kind content_type) on commit drop`;
const line = (values: unknown[]) =>
  values.map((value, i) => copyField(value, columns[i] === "doc")).join("\t");

describe("copyRows", () => {
  it("writes every value exactly as encoded, awkward characters included", async () => {
    const label = 'tab\there, line\nbreak, back\\slash, "quoted", \\N, ünï 日本語 🎧';
    const doc = { name: 'say "hi"\n\\', list: [1, null, "ü"] };
    const at = new Date("2026-03-04T05:06:07.089Z");
    const rows = await handle.db.transaction(async (tx) => {
      await tx.execute(staging);
      await copyRows(tx, "copy_test", columns, [
        line([label, doc, at, 2.5, true, "podcast"]),
        line([null, null, null, null, false, "book"]),
      ]);
      return queryRows<Record<string, unknown>>(tx, sql`select * from copy_test order by flag desc`);
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ label, doc, score: 2.5, flag: true, kind: "podcast" });
    expect(new Date(rows[0]!.at as string).getTime()).toBe(at.getTime());
    expect(rows[1]).toMatchObject({
      label: null,
      doc: null,
      at: null,
      score: null,
      flag: false,
      kind: "book",
    });
  });

  it("writes a page's worth of rows, more than one message carries, each exactly once", async () => {
    const labels = Array.from({ length: 1001 }, (_, i) => `row ${i} ${"é".repeat(i % 3)}`);
    const rows = await handle.db.transaction(async (tx) => {
      await tx.execute(staging);
      await copyRows(
        tx,
        "copy_test",
        columns,
        labels.map((label, i) => line([label, { i }, null, i, i % 2 === 0, "book"])),
      );
      return queryRows<{ label: string; score: number }>(tx, sql`select label, score from copy_test`);
    });
    expect(rows.map((row) => row.label).sort()).toEqual([...labels].sort());
    expect(rows.every((row) => row.label.startsWith(`row ${row.score} `))).toBe(true);
  });

  it("fails, rather than hangs, when the database refuses a row, and the connection stays usable", async () => {
    const refused = handle.db.transaction(async (tx) => {
      await tx.execute(staging);
      await copyRows(tx, "copy_test", columns, [
        line(["fine", null, null, 1, true, "book"]),
        line(["bad", null, null, 1, true, "novel"]),
      ]);
    });
    await expect(refused).rejects.toThrow();
    const [after] = await queryRows<{ ok: number }>(handle.db, sql`select 1 as ok`);
    expect(Number(after!.ok)).toBe(1);
  });

  it("fails, rather than hangs, when a refused row comes before many more still being sent", async () => {
    const lines = Array.from({ length: 900 }, (_, i) =>
      line([`row ${i}`, null, null, i, true, i === 3 ? "novel" : "book"]),
    );
    const refused = handle.db.transaction(async (tx) => {
      await tx.execute(staging);
      await copyRows(tx, "copy_test", columns, lines);
    });
    await expect(refused).rejects.toThrow();
    const [after] = await queryRows<{ ok: number }>(handle.db, sql`select 1 as ok`);
    expect(Number(after!.ok)).toBe(1);
  });

  it("needs a transaction: a staged table lives only on the connection that made it", async () => {
    await expect(copyRows(handle.db, "copy_test", columns, [])).rejects.toThrow(/needs a transaction/);
  });
});
