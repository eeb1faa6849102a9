import type { SyncRunView } from "@/lib/validation/audible";

const numberFormat = new Intl.NumberFormat("en");
const dateTimeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export const formatCount = (value: number) => numberFormat.format(value);
export const formatDateTime = (value: Date) => dateTimeFormat.format(value);

export const runKindLabels = {
  full: "Full scan",
  delta: "Changes only",
  file: "Export file",
} as const satisfies Record<SyncRunView["kind"], string>;

const triggerLabels: Record<string, string> = {
  connect: "after connecting",
  manual: "by you",
  schedule: "daily",
};

export const triggerLabel = (trigger: string) => triggerLabels[trigger] ?? trigger;

/** "0.8 s", "42 s", "3 min 5 s", "1 h 2 min": a sync's length, precise where it is short. */
export function formatDuration(run: Pick<SyncRunView, "startedAt" | "finishedAt">): string | null {
  if (!run.startedAt || !run.finishedAt) return null;
  const seconds = Math.max(0, (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000);
  if (seconds < 0.1) return "under 0.1 s";
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** The progress bar's figures: titles when Audible has announced a total, else pages, else nothing yet. */
export function runProgress(run: SyncRunView): { value: number | null; label: string } {
  if (run.status === "queued") return { value: null, label: "Preparing…" };
  if (run.titlesTotal) {
    const seen = Math.min(run.titlesSeen, run.titlesTotal);
    return {
      value: (seen / run.titlesTotal) * 100,
      label: `${formatCount(seen)} of ${formatCount(run.titlesTotal)} titles`,
    };
  }
  if (run.pagesTotal) {
    return {
      value: (run.pagesDone / run.pagesTotal) * 100,
      label: `Page ${formatCount(run.pagesDone)} of ${formatCount(run.pagesTotal)}`,
    };
  }
  return { value: null, label: "Preparing…" };
}

export function runCounts(run: SyncRunView) {
  return [
    ["Added", run.added],
    ["Updated", run.updated],
    ["Removed", run.removed],
    ["Failed", run.failed],
  ] as const;
}
