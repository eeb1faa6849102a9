import { withStateHash } from "./hashes";
import type { ProgressValues } from "./progress";
import type { UserMediaValues } from "./types";

export type PreviousProgress = {
  status: ProgressValues["status"];
  progressPercent: number;
  finishedAt: Date | null;
};

/**
 * DESIGN.md: progress never moves backwards silently; finished stays finished unless Audible says so.
 * "Says so" = the new item carried an explicit `listening_status` (`explicit`), which is Audible's current
 * word on the title: a rewind or "mark as unfinished" is then honoured. Without it (stale reads, responses
 * without the listening_status group, the unreliable top-level percent) a lower percent or a lost finished
 * flag never overwrites what we had. A finish date we already knew survives a read that omits it.
 */
export function neverBackwards(
  previous: PreviousProgress | null | undefined,
  next: UserMediaValues,
  explicit: boolean,
): UserMediaValues {
  if (!previous) return next;
  const wasFinished = previous.status === "finished";
  const isFinished = next.status === "finished";
  if (isFinished) {
    const finishedAt = next.finishedAt ?? (wasFinished ? previous.finishedAt : null);
    return finishedAt === next.finishedAt ? next : withStateHash({ ...next, finishedAt });
  }
  if (explicit) return next;
  if (wasFinished)
    return withStateHash({
      ...next,
      status: "finished",
      finishedAt: previous.finishedAt,
      progressPercent: Math.max(previous.progressPercent, next.progressPercent ?? 0),
    });
  const percent = next.progressPercent ?? 0;
  if (percent >= previous.progressPercent) return next;
  return withStateHash({
    ...next,
    progressPercent: previous.progressPercent,
    status: previous.progressPercent > 0 ? "listening" : next.status,
  });
}
