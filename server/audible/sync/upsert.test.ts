import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapLibraryItem, neverBackwards } from "@/server/audible/map";
import type { DbHandle } from "@/server/db/client";
import { queryRows } from "@/server/db/query-rows";
import { media, userMedia, users } from "@/server/db/schema";
import { createTestDb } from "@/server/testing/test-db";
import { signedInCaller } from "@/server/testing/users";
import { toPageItem } from "./page-items";
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

/** Two chunks for a new person: a first import, then every kind of change. */
async function importTwice(marketplace: string, mostlyNew: boolean, fromJsonText = true) {
  const { user } = await signedInCaller(handle.db);
  const write = (items: Record<string, unknown>[]) =>
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
    });
  const first = await write([
    { asin: "B0000000A1", title: "Kept", purchase_date: "2024-05-01T10:00:00.000Z", origin_type: "Purchase" },
    { asin: "B0000000B2", title: "Progressed", percent_complete: 10 },
    { asin: "B0000000C3", title: "Returned" },
    { asin: "B0000000D4", title: "Renamed" },
  ]);
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
    expect(insertFirst).toEqual(lookUpFirst);
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
});
