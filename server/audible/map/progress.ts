import type { userMedia } from "@/server/db/schema/library";
import { isRecord, numberOrNull, parseTimestamp } from "./values";

export type ListenStatus = NonNullable<(typeof userMedia.$inferInsert)["status"]>;

export type ProgressValues = {
  status: ListenStatus;
  progressPercent: number;
  finishedAt: Date | null;
};

export type ReadProgress = ProgressValues & {
  /**
   * True when the item carried Audible's own `listening_status`: only then may progress go down or a finished
   * title become unfinished (see never-backwards.ts). The top-level `percent_complete` alone is not trusted for
   * that: captured items report it as 0 while `listening_status` says 10.
   */
  explicit: boolean;
};

function clampPercent(value: number | null): number {
  if (value === null) return 0;
  return Math.min(100, Math.max(0, value));
}

/**
 * Protocol §7: finished if Audible says `is_finished` (either place), gives a finish time, or reports 100 %.
 * "Started" means some progress. The mere presence of `listening_status` is not used: captured untouched
 * titles carry one with 0 % and the full runtime remaining.
 */
export function readProgress(item: Record<string, unknown>): ReadProgress {
  const status = isRecord(item.listening_status) ? item.listening_status : null;
  const percent = clampPercent(numberOrNull(status?.percent_complete) ?? numberOrNull(item.percent_complete));
  const stampedAt = parseTimestamp(status?.finished_at_timestamp);
  const finished =
    status?.is_finished === true || item.is_finished === true || stampedAt !== null || percent >= 100;
  const explicit = status !== null && typeof status.is_finished === "boolean";
  if (finished) return { status: "finished", progressPercent: percent, finishedAt: stampedAt, explicit };
  return {
    status: percent > 0 ? "listening" : "want_to_listen",
    progressPercent: percent,
    finishedAt: null,
    explicit,
  };
}
