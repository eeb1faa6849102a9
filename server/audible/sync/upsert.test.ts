import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapLibraryItem, neverBackwards } from "@/server/audible/map";
import type { DbHandle } from "@/server/db/client";
import { queryRows } from "@/server/db/query-rows";
import { media, userMedia, users } from "@/server/db/schema";
import { createTestDb } from "@/server/testing/test-db";
import { signedInCaller } from "@/server/testing/users";
import { toPageItem } from "./page-items";
import { EncodedRow, insertRows } from "./bulk";
import { upsertChunk, type SyncEntry } from "./upsert";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

function entry(marketplace: string, item: Record<string, unknown>): SyncEntry {
  const mapped = toPageItem(mapLibraryItem({ authors: [{ name: "Ann Author" }], ...item }, { marketplace }));
  if (!mapped.ok) throw new Error(mapped.reason);
  const { ok: _ok, isPodcastParent: _parent, ...syncEntry } = mapped;
  return syncEntry;
}

/**
 * Two chunks for a new person: a first import, then every kind of change. `emptyLibrary` is true for the
 * first only, as a run would have it.
 */
async function importTwice(
  marketplace: string,
  mostlyNew: boolean,
  fromJsonText = true,
  emptyLibrary = false,
) {
  const { user } = await signedInCaller(handle.db);
  const write = (items: Record<string, unknown>[], empty = false) =>
    upsertChunk(handle.db, {
      userId: user.id,
      marketplace,
      entries: items.map((item) => {
        const { stateRow, ...rest } = entry(marketplace, item);
        return fromJsonText ? { ...rest, stateRow } : rest;
      }),
      now: new Date("2026-11-01T00:00:00Z"),
      merge: neverBackwards,
      mostlyNew,
      emptyLibrary: empty,
    });
  const first = await write(
    [
      {
        asin: "B0000000A1",
        title: "Kept",
        purchase_date: "2024-05-01T10:00:00.000Z",
        origin_type: "Purchase",
      },
      { asin: "B0000000B2", title: "Progressed", percent_complete: 10 },
      { asin: "B0000000C3", title: "Returned" },
      { asin: "B0000000D4", title: "Renamed" },
    ],
    emptyLibrary,
  );
  const second = await write([
    { asin: "B0000000A1", title: "Kept", purchase_date: "2024-05-01T10:00:00.000Z", origin_type: "Purchase" },
    { asin: "B0000000B2", title: "Progressed", percent_complete: 60 },
    { asin: "B0000000C3", title: "Returned", status: "Revoked" },
    { asin: "B0000000D4", title: "Renamed again" },
    { asin: "B0000000E5", title: "Bought" },
  ]);
  const rows = await handle.db
    .select({
      asin: media.asin,
      title: media.title,
      status: userMedia.status,
      progress: userMedia.progressPercent,
      removedAt: userMedia.removedAt,
      finishedAt: userMedia.finishedAt,
      purchasedAt: userMedia.purchasedAt,
      addedAt: userMedia.addedAt,
      origin: userMedia.origin,
      isPlusCatalog: userMedia.isPlusCatalog,
      stateHash: userMedia.stateHash,
    })
    .from(userMedia)
    .innerJoin(media, eq(media.id, userMedia.mediaId))
    .where(and(eq(userMedia.userId, user.id), eq(media.marketplace, marketplace)))
    .orderBy(asc(media.asin));
  return { first, second, rows };
}

describe("upsertChunk", () => {
  it("writes the same rows and counts whether it inserts or looks up first, from JSON text or values", async () => {
    const insertFirst = await importTwice("us", true);
    const lookUpFirst = await importTwice("uk", false);
    const fromValues = await importTwice("de", true, false);
    const copiedIn = await importTwice("es", true, true, true);
    expect(insertFirst).toEqual(lookUpFirst);
    // A first import into an empty library copies the person's rows straight in: the same rows.
    expect(copiedIn).toEqual(insertFirst);
    // The person's values go in as the mapper's JSON text, or as values when a merge changed them.
    expect(fromValues).toEqual(insertFirst);
    expect(insertFirst.rows[0]).toMatchObject({
      purchasedAt: new Date("2024-05-01T10:00:00.000Z"),
      addedAt: new Date("2024-05-01T10:00:00.000Z"),
      origin: "Purchase",
    });
    expect(insertFirst.first).toEqual({ added: 4, updated: 0, unchanged: 0, removed: 0 });
    expect(insertFirst.second).toEqual({ added: 1, updated: 1, unchanged: 2, removed: 1 });
    expect(
      insertFirst.rows.map((row) => [row.asin, row.title, row.progress, row.removedAt !== null]),
    ).toEqual([
      ["B0000000A1", "Kept", 0, false],
      ["B0000000B2", "Progressed", 60, false],
      ["B0000000C3", "Returned", 0, true],
      ["B0000000D4", "Renamed again", 0, false],
      ["B0000000E5", "Bought", 0, false],
    ]);
  });

  it("writes nothing for a person who no longer exists, on either database", async () => {
    const { user } = await signedInCaller(handle.db);
    await handle.db.delete(users).where(eq(users.id, user.id));
    const write = upsertChunk(handle.db, {
      userId: user.id,
      marketplace: "fr",
      entries: [entry("fr", { asin: "B0000000F6", title: "Orphan" })],
      now: new Date("2026-11-01T00:00:00Z"),
      merge: neverBackwards,
      mostlyNew: true,
    });
    await expect(write).rejects.toThrow();
    const personal = await handle.db.select().from(userMedia).where(eq(userMedia.userId, user.id));
    const catalogue = await handle.db.select().from(media).where(eq(media.asin, "B0000000F6"));
    expect({ personal, catalogue }).toEqual({ personal: [], catalogue: [] });
    // Row checks are skipped for a chunk's transaction only, never for the connection.
    const [setting] = await queryRows<{ session_replication_role: string }>(
      handle.db,
      sql`show session_replication_role`,
    );
    expect(setting?.session_replication_role).toBe("origin");
  });

  it("rewrites a catalogue row stored under an older hash once, and the person sees it unchanged", async () => {
    const { user } = await signedInCaller(handle.db);
    const write = () =>
      upsertChunk(handle.db, {
        userId: user.id,
        marketplace: "it",
        entries: [entry("it", { asin: "B0000000G7", title: "Upgraded" })],
        now: new Date("2026-11-01T00:00:00Z"),
        merge: neverBackwards,
      });
    const stored = () =>
      handle.db
        .select({ contentHash: media.contentHash, title: media.title, updatedAt: media.updatedAt })
        .from(media)
        .where(and(eq(media.marketplace, "it"), eq(media.asin, "B0000000G7")));
    await write();
    const [fresh] = await stored();
    // What a sync before the hash moved to the COPY text left behind: the same values, another hash.
    await handle.db
      .update(media)
      .set({ contentHash: "0".repeat(40), title: "Stale copy", updatedAt: new Date(0) })
      .where(and(eq(media.marketplace, "it"), eq(media.asin, "B0000000G7")));

    expect(await write()).toEqual({ added: 0, updated: 0, unchanged: 1, removed: 0 });
    const [rewritten] = await stored();
    expect(rewritten).toEqual({ ...fresh, updatedAt: new Date("2026-11-01T00:00:00Z") });
    expect(await write()).toEqual({ added: 0, updated: 0, unchanged: 1, removed: 0 });
    expect(await stored()).toEqual([rewritten]);
  });

  it("fails the chunk, writing nothing, when a library said to be empty holds one of its titles", async () => {
    const { user } = await signedInCaller(handle.db);
    const write = (asins: string[], emptyLibrary: boolean) =>
      upsertChunk(handle.db, {
        userId: user.id,
        marketplace: "nl",
        entries: asins.map((asin) => entry("nl", { asin, title: asin })),
        now: new Date("2026-11-01T00:00:00Z"),
        merge: neverBackwards,
        emptyLibrary,
      });
    await write(["B0000000H8"], true);
    // PGlite names the duplicate; postgres.js only says the COPY was refused (see copy-rows.ts).
    await expect(write(["B0000000I9", "B0000000H8"], true)).rejects.toThrow(
      /duplicate key|refused rows copied into user_media/,
    );
    const held = await handle.db
      .select({ asin: media.asin })
      .from(userMedia)
      .innerJoin(media, eq(media.id, userMedia.mediaId))
      .where(eq(userMedia.userId, user.id));
    expect(held).toEqual([{ asin: "B0000000H8" }]);
    expect(await write(["B0000000I9", "B0000000H8"], false)).toEqual({
      added: 1,
      updated: 0,
      unchanged: 1,
      removed: 0,
    });
  });

  // Two connections at once: only Postgres has them.
  it.runIf(process.env.DATABASE_URL)(
    "takes the id of a title another person's sync adds at the same moment, instead of failing",
    async () => {
      const { user } = await signedInCaller(handle.db);
      const theirs = entry("se", { asin: "B0000000J1", title: "Raced" });
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      let inserted = () => {};
      const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
      // The other sync's transaction has the title but has not committed when ours looks it up.
      const other = handle.db.transaction(async (tx) => {
        const [row] = await insertRows(tx, media, [new EncodedRow(theirs.mediaRow)], ["id"]);
        inserted();
        await held;
        return String(row!.id);
      });
      await insertedYet;
      const ours = upsertChunk(handle.db, {
        userId: user.id,
        marketplace: "se",
        entries: [theirs, entry("se", { asin: "B0000000K2", title: "Ours alone" })],
        now: new Date("2026-11-01T00:00:00Z"),
        merge: neverBackwards,
        mostlyNew: true,
      });
      // Our copy of the catalogue rows waits on the other transaction's row, then finds it committed.
      await new Promise((resolve) => setTimeout(resolve, 200));
      release();
      const theirId = await other;
      expect(await ours).toEqual({ added: 2, updated: 0, unchanged: 0, removed: 0 });
      const rows = await handle.db
        .select({ asin: media.asin, mediaId: userMedia.mediaId })
        .from(userMedia)
        .innerJoin(media, eq(media.id, userMedia.mediaId))
        .where(eq(userMedia.userId, user.id))
        .orderBy(asc(media.asin));
      expect(rows).toEqual([
        { asin: "B0000000J1", mediaId: theirId },
        { asin: "B0000000K2", mediaId: expect.any(String) },
      ]);
      const catalogue = await handle.db.select().from(media).where(eq(media.marketplace, "se"));
      expect(catalogue).toHaveLength(2);
    },
  );
});
