import type { Db } from "@/server/db";
import type { SyncFailure } from "@/server/db/schema";
import { saveProgress, type RunProgress } from "./runs";
import type { ChunkCounts } from "./upsert";

const MAX_FAILURES_KEPT = 200;

/** Counts for one run, saved after every page so the status card's progress bar moves. */
export class RunTracker {
  readonly counts: ChunkCounts & { failed: number } = {
    added: 0,
    updated: 0,
    unchanged: 0,
    removed: 0,
    failed: 0,
  };
  readonly failures: SyncFailure[] = [];
  pagesDone = 0;
  pagesTotal: number | null = null;
  titlesSeen = 0;
  titlesTotal: number | null = null;

  constructor(
    private readonly db: Db,
    private readonly runId: string,
    private readonly now: () => Date,
  ) {}

  add(counts: ChunkCounts) {
    for (const key of ["added", "updated", "unchanged", "removed"] as const) this.counts[key] += counts[key];
  }

  fail(asin: string | null, reason: string) {
    this.counts.failed += 1;
    if (this.failures.length < MAX_FAILURES_KEPT) this.failures.push({ asin: asin ?? "(unknown)", reason });
  }

  snapshot(): RunProgress {
    return {
      ...this.counts,
      pagesDone: this.pagesDone,
      pagesTotal: this.pagesTotal,
      titlesSeen: this.titlesSeen,
      titlesTotal: this.titlesTotal,
      failures: this.failures,
    };
  }

  private saving: Promise<void> = Promise.resolve();

  /**
   * Saves the progress as it is now, after any save still under way, without making the caller wait: the
   * writer goes on with the next page meanwhile. A failed save fails every later one and `flush`.
   */
  save(): Promise<void> {
    const progress = this.snapshot();
    const at = this.now();
    this.saving = this.saving.then(() => saveProgress(this.db, this.runId, progress, at));
    this.saving.catch(() => {}); // surfaces through flush
    return this.saving;
  }

  /** Waits for the saves under way; rejects if one failed. */
  flush(): Promise<void> {
    return this.saving;
  }
}
