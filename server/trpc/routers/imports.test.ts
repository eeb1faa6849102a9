import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapLibraryItem, neverBackwards } from "@/server/audible/map";
import { upsertChunk } from "@/server/audible/sync/upsert";
import type { DbHandle } from "@/server/db/client";
import { copyValues } from "@/server/db/copy-text";
import { media, syncRuns, userMedia } from "@/server/db/schema";
import { fixture } from "@/server/importers/testing";
import { queryRows } from "@/server/db/query-rows";
import { createTestDb } from "@/server/testing/test-db";
import { signedInCaller } from "@/server/testing/users";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

const file = (name: string) => ({ fileName: name, content: fixture(name) });

async function titlesOf(userId: string) {
  return handle.db
    .select({
      asin: media.asin,
      marketplace: media.marketplace,
      title: media.title,
      status: userMedia.status,
    })
    .from(userMedia)
    .innerJoin(media, eq(media.id, userMedia.mediaId))
    .where(eq(userMedia.userId, userId));
}

describe("imports.preview", () => {
  it("asks for a marketplace when the file has none, and suggests none for a new person", async () => {
    const { caller } = await signedInCaller(handle.db);
    const preview = await caller.imports.preview(file("audible-cli-library.tsv"));
    expect(preview).toMatchObject({
      format: { id: "audible-cli-tsv" },
      totalRows: 3,
      marketplace: { required: true, fromFile: false, suggested: null },
      counts: { new: null, invalid: 0 },
    });
    expect(preview.sample[0]).toMatchObject({ line: 2, asin: "B002V0QK4C", title: "The Final Empire" });
  });

  it("counts new titles and writes nothing", async () => {
    const { caller, user } = await signedInCaller(handle.db);
    const preview = await caller.imports.preview({ ...file("libation-export.csv") });
    expect(preview.counts).toEqual({ new: 2, updated: 0, unchanged: 0, invalid: 0, warnings: 0 });
    expect(preview.marketplace).toMatchObject({ required: false, fromFile: true });
    expect(await titlesOf(user.id)).toEqual([]);
  });

  it("reports bad rows with their lines", async () => {
    const { caller } = await signedInCaller(handle.db);
    const preview = await caller.imports.preview({ ...file("bad-dates.tsv"), marketplace: "us" });
    expect(preview.counts).toMatchObject({ new: 0, invalid: 2 });
    expect(preview.errors.map((e) => e.line)).toEqual([2, 4]);
  });
});

describe("imports.commit", () => {
  it("tells the planner the library grew after a big file", async () => {
    const header = fixture("audible-cli-library.tsv").split("\r\n")[0] ?? "";
    const columns = header.split("\t");
    const rows = Array.from({ length: 300 }, (_, i) =>
      columns
        .map((column) =>
          column === "asin" ? `B0PLAN${String(i).padStart(4, "0")}` : column === "title" ? `Title ${i}` : "",
        )
        .join("\t"),
    );
    const { caller } = await signedInCaller(handle.db);
    const content = [header, ...rows].join("\n");
    await caller.imports.commit({ fileName: "big.tsv", content, marketplace: "us" });
    // PGlite has no autovacuum: without an explicit ANALYZE the planner takes the table for empty.
    const [stats] = await queryRows<{ reltuples: number }>(
      handle.db,
      sql`select reltuples from pg_class where relname = 'user_media'`,
    );
    expect(Number(stats?.reltuples)).toBeGreaterThanOrEqual(300);
  });

  it("imports as a sync run of kind file, with the marketplace from the file", async () => {
    const { caller, user } = await signedInCaller(handle.db);
    const run = await caller.imports.commit(file("libation-export.json"));
    expect(run).toMatchObject({ kind: "file", status: "succeeded", added: 2, failed: 0 });
    const titles = await titlesOf(user.id);
    expect(titles.map((t) => [t.asin, t.marketplace]).sort()).toEqual([
      ["B002V0QK4C", "us"],
      ["B08G9PRS1K", "uk"],
    ]);
  });

  it("refuses a file with invalid rows unless asked to import the valid ones", async () => {
    const { caller, user } = await signedInCaller(handle.db);
    const content =
      fixture("audible-cli-library.tsv") + fixture("bad-dates.tsv").split("\n").slice(1).join("\n");
    const input = { fileName: "mixed.tsv", content, marketplace: "us" as const };
    await expect(caller.imports.commit(input)).rejects.toMatchObject({ appCode: "IMPORT_INVALID" });
    expect(await titlesOf(user.id)).toEqual([]);
    const run = await caller.imports.commit({ ...input, validOnly: true });
    // The bad rows repeat two good ASINs; being invalid, they neither win nor count as duplicates. The first
    // spans lines 6–7 (a quoted newline in its description).
    expect(run).toMatchObject({ added: 3, failed: 2 });
    const [stored] = await handle.db.select().from(syncRuns).where(eq(syncRuns.id, run.id));
    expect(stored?.failures).toEqual([
      { asin: "B002V0QK4C", reason: expect.stringMatching(/^Line 6: .*release_date/) },
      { asin: "B07B3G5KZ4", reason: expect.stringMatching(/^Line 8: .*purchase_date/) },
    ]);
  });

  it("requires the marketplace before writing", async () => {
    const { caller } = await signedInCaller(handle.db);
    await expect(caller.imports.commit(file("audible-cli-library.csv"))).rejects.toMatchObject({
      appCode: "IMPORT_MARKETPLACE_REQUIRED",
    });
  });

  it("updates a title already imported from Audible instead of duplicating it, keeping the API's richer data", async () => {
    const { caller, user } = await signedInCaller(handle.db);
    const captured = JSON.parse(
      readFileSync(
        fileURLToPath(new URL("../../../e2e/simulator/fixtures/library_item_full.json", import.meta.url)),
        "utf8",
      ),
    ) as { items: Record<string, unknown>[] };
    const item = { ...captured.items[0]!, is_finished: false, percent_complete: 10, listening_status: null };
    const mapped = mapLibraryItem(item, { marketplace: "us" });
    if (!mapped.ok) throw new Error(mapped.reason);
    await upsertChunk(handle.db, {
      userId: user.id,
      marketplace: "us",
      entries: [
        {
          asin: mapped.media.asin,
          contentHash: mapped.media.contentHash,
          mediaRow: copyValues(media, mapped.media),
          state: mapped.state,
          revoked: false,
          explicit: false,
        },
      ],
      now: new Date(),
      merge: neverBackwards,
    });
    const content = `asin\ttitle\tauthors\tis_finished\tpercent_complete\n${mapped.media.asin}\tShort title\tSomeone Else\tTrue\t100\n`;
    const preview = await caller.imports.preview({ fileName: "cli.tsv", content, marketplace: "us" });
    expect(preview.counts).toMatchObject({ new: 0, updated: 1 });
    await caller.imports.commit({ fileName: "cli.tsv", content, marketplace: "us" });
    const rows = await handle.db
      .select({ media, mine: userMedia })
      .from(media)
      .innerJoin(userMedia, eq(userMedia.mediaId, media.id))
      .where(and(eq(media.asin, mapped.media.asin), eq(userMedia.userId, user.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.mine.status).toBe("finished");
    expect(rows[0]!.media.title).toBe(mapped.media.title);
    expect(rows[0]!.media.authors).toEqual(mapped.media.authors);
  });

  it("never moves progress backwards from an older file", async () => {
    const { caller, user } = await signedInCaller(handle.db);
    await caller.imports.commit({ ...file("audible-cli-library.tsv"), marketplace: "us" });
    const stale = fixture("audible-cli-library.tsv").replace("\tTrue\t100.0\t", "\tFalse\t20\t");
    const preview = await caller.imports.preview({ fileName: "old.tsv", content: stale, marketplace: "us" });
    expect(preview.counts).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
    expect((await titlesOf(user.id)).find((t) => t.asin === "B002V0QK4C")?.status).toBe("finished");
  });
});

describe("imports.export", () => {
  it("re-imports its own CSV and JSON with nothing duplicated and everything unchanged", async () => {
    const { caller, user } = await signedInCaller(handle.db);
    await caller.imports.commit({ ...file("audible-cli-library.tsv"), marketplace: "us" });
    await caller.imports.commit(file("libation-export.csv"));
    const before = await titlesOf(user.id);
    expect(before).toHaveLength(4);
    for (const format of ["csv", "json"] as const) {
      const exported = await caller.imports.export({ format });
      const input = { fileName: exported.fileName, content: exported.content };
      const preview = await caller.imports.preview(input);
      expect(preview.format.id).toBe(`media-feed-${format}`);
      expect(preview.counts).toEqual({ new: 0, updated: 0, unchanged: 4, invalid: 0, warnings: 0 });
      const run = await caller.imports.commit(input);
      expect(run).toMatchObject({ added: 0, updated: 0, unchanged: 4 });
    }
    expect(await titlesOf(user.id)).toHaveLength(4);
  });

  it("carries everything into a fresh account, which exports the same file again", async () => {
    const first = await signedInCaller(handle.db);
    await first.caller.imports.commit({ ...file("audible-cli-library.json"), marketplace: "de" });
    const exported = await first.caller.imports.export({ format: "csv" });
    const second = await signedInCaller(handle.db);
    expect(
      await second.caller.imports.commit({ fileName: "x.csv", content: exported.content }),
    ).toMatchObject({ added: 3 });
    expect((await second.caller.imports.export({ format: "csv" })).content).toBe(exported.content);
  });

  it("defuses spreadsheet formulas and writes a Goodreads shelf file", async () => {
    const { caller } = await signedInCaller(handle.db);
    await caller.imports.commit({ ...file("audible-cli-library.tsv"), marketplace: "us" });
    const csv = await caller.imports.export({ format: "csv" });
    expect(csv.content).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const goodreads = await caller.imports.export({ format: "goodreads" });
    expect(goodreads.mimeType).toBe("text/csv");
    const lines = goodreads.content
      .replace(/^\ufeff/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Title,Author,Additional Authors,ISBN,My Rating,Exclusive Shelf,Date Read,Date Added,Publisher,Binding",
    );
    expect(lines).toContain("Good Omens,Terry Pratchett,Neil Gaiman,,0,to-read,,2020/01/02,,Audiobook");
    expect(
      lines.some((l) => l.startsWith('"The Final Empire: Mistborn, Book 1",Brandon Sanderson,,,0,read,')),
    ).toBe(true);
    expect(
      lines.some((l) => l.startsWith("Project Hail Mary,Andy Weir,,,0,currently-reading,,2021/05/04")),
    ).toBe(true);
  });
});
