import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/server/db";
import { runsOnThisThread } from "@/server/db/client";
import { media, userMedia, users } from "@/server/db/schema";
import type { CopyValues } from "@/server/db/copy-text";
import type { UserMediaValues } from "../map";
import { orderedId } from "@/server/db/schema/ordered-id";
import { copyIntoTable, EncodedRow, inTextList, insertRows, updateRowsById } from "./bulk";
import { nextMacrotask } from "./next-macrotask";

export type PreviousState = Pick<typeof userMedia.$inferSelect, "status" | "progressPercent" | "finishedAt">;
export type MergeState = (
  previous: PreviousState,
  next: UserMediaValues,
  explicit: boolean,
) => UserMediaValues;

/** `explicit`: Audible sent its own listening_status, so a lower progress is a real rewind, not a stale read. */
export type SyncEntry = {
  asin: string;
  contentHash: string;
  /** The catalogue values with their contentHash, encoded on the mapper thread: written as they are. */
  mediaRow: CopyValues;
  state: UserMediaValues;
  /** `state` with its stateHash, encoded, when it is exactly what was mapped. */
  stateRow?: CopyValues;
  revoked: boolean;
  explicit: boolean;
};
export type ChunkCounts = { added: number; updated: number; unchanged: number; removed: number };

type ChunkInput = {
  userId: string;
  marketplace: string;
  entries: SyncEntry[];
  now: Date;
  merge: MergeState;
  /**
   * Most of the person's rows are expected to be new (a first import): they are inserted straight away
   * and only the ones that already exist are looked up, instead of looking all of them up first. Either
   * way gives the same rows and counts; this saves a lookup per chunk when the guess is right.
   */
  mostlyNew?: boolean;
  /**
   * The person held no titles at all when this run began, and only a run writes a person's rows (one run
   * per person at a time, each title once per run): their rows are copied straight in, without looking
   * for existing ones. Were one there after all, the chunk would fail with a unique violation, and the run
   * with it; the next run would find the titles and take the usual way.
   */
  emptyLibrary?: boolean;
  /** Awaited between statements so that I/O gets in (see upsertChunk); one event-loop turn by default. */
  pause?: () => Promise<void>;
};

/**
 * Writes one chunk of titles for one person, touching only rows whose content changed: unchanged
 * catalogue rows (same contentHash) and unchanged personal rows (same stateHash) cost a read, not a write.
 * Whatever is written goes in a handful of statements per chunk, never one per row, and in one
 * transaction: a chunk's catalogue and personal rows land together, with one commit instead of four.
 *
 * The embedded database runs each statement on this thread, 30-40 ms for a chunk's insert, so the writer
 * lets I/O in between statements: library pages arriving meanwhile are read off their sockets instead of
 * waiting for the whole page to be written (at 500 ms a page the next round went out late); a sync's
 * `pause` also waits for bodies mid-transfer (incoming-bodies.ts). On Postgres each pause costs a few µs.
 *
 * On Postgres a chunk's commit does not wait for its WAL to reach the disk (a few ms a chunk on the
 * writer's path). A crash of the server may then lose the last chunks written, never part of one, and that
 * run never ends as succeeded; the next sync writes them again. A run's end (finishRun) commits as usual,
 * and a commit that reaches the disk takes every earlier one with it: a finished run has all its chunks.
 */
export async function upsertChunk(db: Db, input: ChunkInput): Promise<ChunkCounts> {
  if (input.entries.length === 0) return { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const embedded = runsOnThisThread(db);
  return db.transaction(async (tx) => {
    if (embedded) await checkRowsOnce(tx, input.userId);
    else await tx.execute(sql`set local synchronous_commit = off`);
    return writeChunk(tx, input);
  });
}

/**
 * On the embedded database the foreign keys of a chunk's personal rows are proven once per chunk instead
 * of per row: the person's row is read (and held) here, and every media id the chunk writes was inserted
 * or read in this same transaction. Nothing can delete either meanwhile, as the embedded database has one
 * connection and this transaction has it. The per-row checks, two lookups per title, were a quarter of a
 * chunk's personal-row insert (8 of 30 ms for 500 titles). Postgres keeps them: other connections could
 * delete a referenced row between a check here and the commit.
 */
async function checkRowsOnce(tx: Db, userId: string) {
  const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("key share");
  if (!person) throw new Error("library write for a person who no longer exists");
  await tx.execute(sql`set local session_replication_role = replica`);
}

/** The chunk's pause between statements: the caller's, or one turn of the event loop. */
const letIoIn = (input: ChunkInput) => (input.pause ?? nextMacrotask)();

async function writeChunk(db: Db, input: ChunkInput): Promise<ChunkCounts> {
  const counts: ChunkCounts = { added: 0, updated: 0, unchanged: 0, removed: 0 };
  const mediaIds = await upsertMedia(db, input);
  const newRow = (entry: SyncEntry) => {
    const extra = {
      userId: input.userId,
      mediaId: mediaIds.get(entry.asin)!,
      removedAt: entry.revoked ? input.now : null,
    };
    return entry.stateRow ? new EncodedRow(entry.stateRow, extra) : { ...entry.state, ...extra };
  };
  const added = (entry: SyncEntry) => (counts[entry.revoked ? "removed" : "added"] += 1);

  if (input.emptyLibrary) {
    await letIoIn(input);
    await copyIntoTable(db, userMedia, input.entries.map(newRow));
    for (const entry of input.entries) added(entry);
    return counts;
  }
  let pending = input.entries;
  if (input.mostlyNew) {
    await letIoIn(input);
    const inserted = await insertRows(db, userMedia, pending.map(newRow), ["mediaId"] as const);
    const insertedIds = new Set(inserted.map((row) => String(row.mediaId)));
    const existingOnes: SyncEntry[] = [];
    for (const entry of pending) {
      if (insertedIds.has(mediaIds.get(entry.asin)!)) added(entry);
      else existingOnes.push(entry);
    }
    pending = existingOnes;
  }
  if (pending.length === 0) return counts;

  await letIoIn(input);
  const existing = await db
    .select({
      id: userMedia.id,
      mediaId: userMedia.mediaId,
      stateHash: userMedia.stateHash,
      removedAt: userMedia.removedAt,
      status: userMedia.status,
      progressPercent: userMedia.progressPercent,
      finishedAt: userMedia.finishedAt,
    })
    .from(userMedia)
    .where(
      and(
        eq(userMedia.userId, input.userId),
        inTextList(
          userMedia.mediaId,
          pending.map((entry) => mediaIds.get(entry.asin)!),
        ),
      ),
    );
  const byMedia = new Map(existing.map((row) => [row.mediaId, row]));

  const inserts: ReturnType<typeof newRow>[] = [];
  const updates: { id: string; set: Partial<typeof userMedia.$inferInsert> }[] = [];
  for (const entry of pending) {
    const row = byMedia.get(mediaIds.get(entry.asin)!);
    if (!row) {
      inserts.push(newRow(entry));
      added(entry);
    } else if (entry.revoked) {
      if (row.removedAt) counts.unchanged += 1;
      else {
        updates.push({ id: row.id, set: { removedAt: input.now, updatedAt: input.now } });
        counts.removed += 1;
      }
    } else if (row.stateHash === entry.state.stateHash && !row.removedAt) {
      counts.unchanged += 1;
    } else {
      // The stored hash is the upstream state's, so the same upstream answer counts as unchanged next time.
      const merged = input.merge(row, entry.state, entry.explicit);
      updates.push({
        id: row.id,
        set: { ...merged, stateHash: entry.state.stateHash, removedAt: null, updatedAt: input.now },
      });
      counts.updated += 1;
    }
  }
  await letIoIn(input);
  if (inserts.length > 0) await insertRows(db, userMedia, inserts);
  if (updates.length > 0) await updateRowsById(db, userMedia, updates);
  return counts;
}

/** Catalogue rows are shared between people: add new, rewrite changed, leave the rest alone. */
async function upsertMedia(db: Db, input: ChunkInput): Promise<Map<string, string>> {
  const { entries, now } = input;
  await letIoIn(input);
  const rows = await selectTitles(
    db,
    input.marketplace,
    entries.map((entry) => entry.asin),
  );
  const known = new Map(rows.map((row) => [row.asin, row]));
  const ids = new Map(rows.map((row) => [row.asin, row.id]));
  const fresh = entries.filter((entry) => !known.has(entry.asin));
  if (fresh.length > 0) await addTitles(db, input, fresh, ids);
  const changed = entries.flatMap((entry) => {
    const row = known.get(entry.asin);
    return row && row.contentHash !== entry.contentHash
      ? [{ id: row.id, set: new EncodedRow(entry.mediaRow, { updatedAt: now }) }]
      : [];
  });
  if (changed.length > 0) await updateRowsById(db, media, changed);
  return ids;
}

const selectTitles = (db: Db, marketplace: string, asins: string[]) =>
  db
    .select({ id: media.id, asin: media.asin, contentHash: media.contentHash })
    .from(media)
    .where(
      and(eq(media.source, "audible"), eq(media.marketplace, marketplace), inTextList(media.asin, asins)),
    );

/**
 * Titles the catalogue did not have a moment ago are copied in with ids made here. Another person's sync
 * may add some of the same titles at the same moment: then the copy fails and is undone (a savepoint),
 * and they go in the slower way that skips rows already there, whose ids are read back. A copy that failed
 * for any other reason fails that way too.
 */
async function addTitles(db: Db, input: ChunkInput, fresh: SyncEntry[], ids: Map<string, string>) {
  const rows = fresh.map((entry) => ({ entry, id: orderedId() }));
  await letIoIn(input);
  try {
    await db.transaction((savepoint) =>
      copyIntoTable(
        savepoint,
        media,
        rows.map(({ entry, id }) => new EncodedRow(entry.mediaRow, { id })),
      ),
    );
    for (const { entry, id } of rows) ids.set(entry.asin, id);
    return;
  } catch {
    // Taken the slower way below.
  }
  const inserted = await insertRows(
    db,
    media,
    fresh.map((entry) => new EncodedRow(entry.mediaRow)),
    ["id", "asin"],
  );
  for (const row of inserted) ids.set(String(row.asin), String(row.id));
  const missing = fresh.filter((entry) => !ids.has(entry.asin)).map((entry) => entry.asin);
  if (missing.length === 0) return;
  for (const row of await selectTitles(db, input.marketplace, missing)) ids.set(row.asin, row.id);
}

/** Whether the person holds no titles at all, in any marketplace, returned or not. */
export async function holdsNoTitles(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(userMedia)
    .where(eq(userMedia.userId, userId))
    .limit(1);
  return !row;
}
