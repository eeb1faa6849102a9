import { eq } from "drizzle-orm";
import { VaultError } from "@/server/crypto/errors";
import type { Vault } from "@/server/crypto/vault";
import type { Db } from "@/server/db";
import { runsOnThisThread } from "@/server/db/client";
import { refreshLibraryStats } from "@/server/db/planner-stats";
import { findAudibleAccount } from "@/server/db/queries/audible-accounts";
import { audibleAccounts, users } from "@/server/db/schema";
import { log } from "@/server/log";
import { metrics } from "@/server/metrics";
import { createAudibleApi, type AudibleApi } from "../api";
import { freshSecrets } from "../connection/access-token";
import type { AccountRow } from "../connection/credentials";
import { isAudibleError } from "../errors";
import { unreadableBody } from "../http";
import type { BaseTemplates } from "../hosts";
import type { AudibleCountryCode } from "../locales";
import { finishedDates, toSyncEntries } from "./entries";
import { IncomingBodies } from "./incoming-bodies";
import { RunTracker } from "./progress";
import { heldTitles, markMissingRemoved, type HeldTitle } from "./removal";
import { finishRun, type SyncRun } from "./runs";
import type { PageItem } from "./page-items";
import { sharedPageMapper } from "./page-mapper";
import { scanLibrary, type PageReader } from "./scan";
import { holdsNoTitles, upsertChunk, type SyncEntry } from "./upsert";
import { neverBackwards } from "../map";

export type SyncTuning = {
  pageSize: number;
  pagesInFlight: number;
  chunkSize: number;
  fullReconcileDays: number;
};
export const defaultTuning: SyncTuning = {
  pageSize: 1000,
  pagesInFlight: 3,
  // A page is written as one chunk. Halves of 500 let bodies in between statements on the embedded
  // database; since the writer waits for arriving bodies anyway (incoming-bodies.ts) they only added
  // statements (3 runs each way: embedded @ 500 ms 2.48 s against 2.63 s, Postgres alike or better).
  chunkSize: 1000,
  fullReconcileDays: 7,
};

export type SyncDeps = {
  db: Db;
  vault: Vault;
  templates: BaseTemplates;
  now: () => Date;
  tuning: SyncTuning;
};

class SyncFailedError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** A delta needs a token from a complete scan, and a full reconcile is due at least weekly (drift, missed returns). */
function chooseMode(run: SyncRun, account: AccountRow, deps: SyncDeps): "full" | "delta" {
  if (run.kind === "full" || !account.stateToken || !account.lastFullSyncAt) return "full";
  const age = deps.now().getTime() - account.lastFullSyncAt.getTime();
  return age > deps.tuning.fullReconcileDays * 86_400_000 ? "full" : "delta";
}

/** Runs one claimed sync to the end and records how it went; it never throws. */
export async function executeRun(deps: SyncDeps, run: SyncRun): Promise<void> {
  const tracker = new RunTracker(deps.db, run.id, deps.now);
  const account = await findAudibleAccount(deps.db, run.userId);
  try {
    if (!account) throw new SyncFailedError("AUDIBLE_NOT_CONNECTED");
    if (account.status === "reauth_required") throw new SyncFailedError("AUDIBLE_REAUTH_REQUIRED");
    await syncAccount(deps, run, account, tracker, false).catch((error: unknown) => {
      // Audible refused an access token we thought valid: refresh it once and scan again (upserts are idempotent).
      if (!isAudibleError(error, "AUDIBLE_AUTH_FAILED")) throw error;
      return syncAccount(deps, run, account, tracker, true);
    });
    await finishRun(deps.db, run.id, { status: "succeeded", progress: tracker.snapshot() }, deps.now());
    metrics.librarySyncs.inc({ kind: run.kind, status: "succeeded" });
    log.info({ userId: run.userId, runId: run.id, kind: run.kind, ...tracker.counts }, "sync finished");
  } catch (error) {
    const code = failureCode(error);
    metrics.librarySyncs.inc({ kind: run.kind, status: "failed" });
    if (code === "SYNC_FAILED") log.error({ userId: run.userId, runId: run.id, err: error }, "sync failed");
    else log.warn({ userId: run.userId, runId: run.id, errorType: code }, "sync failed");
    // A progress save still under way must not land after the run's end and undo its counts.
    await tracker.flush().catch(() => {});
    await finishRun(
      deps.db,
      run.id,
      { status: "failed", errorCode: code, progress: tracker.snapshot() },
      deps.now(),
    );
    if (account) {
      await deps.db
        .update(audibleAccounts)
        .set({ lastSyncError: code })
        .where(eq(audibleAccounts.id, account.id));
    }
  }
}

/** Stored credentials that no longer decrypt are as dead as refused ones: the person must reconnect. */
function failureCode(error: unknown): string {
  if (error instanceof SyncFailedError || isAudibleError(error)) return error.code;
  if (error instanceof VaultError) return "AUDIBLE_REAUTH_REQUIRED";
  return "SYNC_FAILED";
}

async function syncAccount(
  deps: SyncDeps,
  run: SyncRun,
  account: AccountRow,
  tracker: RunTracker,
  forceRefresh: boolean,
) {
  const { db } = deps;
  const marketplace = account.marketplace as AudibleCountryCode;
  const mode = chooseMode(run, account, deps);
  const [person] = await db
    .select({ episodes: users.importPodcastEpisodes })
    .from(users)
    .where(eq(users.id, run.userId));
  const mapper = sharedPageMapper();
  void mapper.warm?.();
  const api = await authorisedApi(deps, account, forceRefresh);
  // Finish dates have a call of their own, made alongside the first round of library pages; no page is
  // handed on before they are in.
  const finishedLoad = api.finishedStatus().then(finishedDates);
  finishedLoad.catch(() => {}); // awaited with every page; a failure surfaces there, not as unhandled
  let finished: ReadonlyMap<string, Date> = new Map();
  const episodesScanned = !!person?.episodes;
  // What a full scan must find again, read while the first page is being mapped so that the end of the run
  // waits on no read. (Any earlier, the embedded database held up the first round of requests.)
  let heldBefore: Promise<HeldTitle[]> | undefined;
  const readHeld = () => {
    if (!heldBefore) {
      heldBefore = heldTitles(db, { userId: run.userId, marketplace, episodesScanned });
      heldBefore.catch(() => {}); // awaited after a complete scan; a failure surfaces there
    }
    return heldBefore;
  };

  const seen = new Set<string>();
  const parents = new Set<string>();
  // The run's bookkeeping per mapped page (duplicates, failures, podcast parents); `seenAfter` keeps the
  // progress bar at the written pages.
  const prepare = (items: readonly PageItem[]) => {
    const entries = toSyncEntries(items, { finished, seen, parents, tracker });
    return { entries, seenAfter: seen.size };
  };
  const incoming = new IncomingBodies();
  // On Postgres the thread is free while a statement runs, and holding the writer only delays it.
  const holdForBodies = runsOnThisThread(db);
  // The body is mapped only when the scan asks: it sends its next request first.
  const read: PageReader<PageItem> = async (params, onHeaders) => {
    let bodyIn = () => {};
    const { bytes, status, totalCount, stateToken } = await api
      .libraryPageBytes(params, (head) => {
        bodyIn(); // a retried request reports its headers again
        bodyIn = incoming.started();
        onHeaders(head);
      })
      .finally(() => bodyIn());
    if (mode === "full") void readHeld();
    const items = async () => {
      const [page, dates] = await Promise.all([mapper.map(bytes, marketplace), finishedLoad]);
      finished = dates;
      if (!page.ok) throw unreadableBody(status, page.reason);
      return page;
    };
    return { totalCount, stateToken, items };
  };
  // A first import finds nothing to compare with; later scans find nearly everything.
  const mostlyNew = mode === "full" && !account.lastFullSyncAt;
  const emptyLibrary = mostlyNew && (await holdsNoTitles(db, run.userId));
  const writeEntries = async (entries: SyncEntry[]) => {
    for (let start = 0; start < entries.length; start += deps.tuning.chunkSize) {
      const chunk = entries.slice(start, start + deps.tuning.chunkSize);
      tracker.add(
        await upsertChunk(db, {
          userId: run.userId,
          marketplace,
          entries: chunk,
          now: deps.now(),
          merge: neverBackwards,
          mostlyNew,
          emptyLibrary,
          pause: holdForBodies ? () => incoming.settled() : undefined,
        }),
      );
    }
  };

  const scan = await scanLibrary(read, {
    pageSize: deps.tuning.pageSize,
    pagesInFlight: deps.tuning.pagesInFlight,
    stateToken: mode === "delta" ? (account.stateToken ?? undefined) : undefined,
    firstRound: mode === "full" ? deps.tuning.pagesInFlight : 1,
    prepare,
    onPage: async (page) => {
      tracker.pagesTotal = page.pagesTotal;
      tracker.titlesTotal = page.totalCount;
      await writeEntries(page.prepared.entries);
      tracker.pagesDone += 1;
      tracker.titlesSeen = page.prepared.seenAfter;
      void tracker.save();
    },
  });

  if (episodesScanned) {
    for (const parentAsin of parents) {
      await scanLibrary(read, {
        pageSize: deps.tuning.pageSize,
        pagesInFlight: 1,
        parentAsin,
        prepare,
        onPage: (page) => writeEntries(page.prepared.entries),
      });
    }
  }

  await tracker.flush();
  const { added, updated, removed } = tracker.counts;
  await refreshLibraryStats(db, added + updated + removed);

  // A scan that saw fewer titles than Audible announced, or nothing at all, proves nothing about returns.
  const complete = scan.itemsSeen >= scan.totalCount && scan.totalCount > 0;
  if (mode === "full" && !complete && scan.totalCount > 0)
    throw new SyncFailedError("AUDIBLE_INCOMPLETE_SCAN");
  if (mode === "full" && complete) {
    tracker.counts.removed += await markMissingRemoved(db, {
      held: await readHeld(),
      seenAsins: seen,
      now: deps.now(),
    });
  }
  tracker.titlesSeen = seen.size;
  await db
    .update(audibleAccounts)
    .set({
      lastSyncAt: deps.now(),
      lastSyncError: null,
      ...(scan.stateToken && (mode === "delta" || complete) ? { stateToken: scan.stateToken } : {}),
      ...(mode === "full" && complete ? { lastFullSyncAt: deps.now() } : {}),
    })
    .where(eq(audibleAccounts.id, account.id));
}

async function authorisedApi(deps: SyncDeps, account: AccountRow, force: boolean): Promise<AudibleApi> {
  const secrets = await freshSecrets(deps, account, { force });
  return createAudibleApi({
    marketplace: account.marketplace as AudibleCountryCode,
    credentials: {
      accessToken: secrets.accessToken,
      adp: { adpToken: secrets.adpToken, devicePrivateKey: secrets.devicePrivateKey },
    },
    templates: deps.templates,
  });
}
