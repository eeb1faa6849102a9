"use client";

import { AlertTriangle, ChevronRight } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { api } from "@/lib/trpc/react";
import type { SyncRunView } from "@/lib/validation/audible";
import { RunCounts } from "./last-run-summary";
import { describeRunError } from "./read-error";
import { formatCount, formatDateTime, formatDuration, runKindLabels, triggerLabel } from "./sync-format";

const HISTORY_LIMIT = 10;

const statusBadges = {
  queued: { tone: "neutral", label: "Queued" },
  running: { tone: "neutral", label: "Running" },
  succeeded: { tone: "success", label: "Succeeded" },
  failed: { tone: "error", label: "Failed" },
} as const satisfies Record<SyncRunView["status"], { tone: "neutral" | "success" | "error"; label: string }>;

/** The last runs, newest first, folded away: most visits only need the summary above it. */
export function SyncHistory() {
  const runs = api.audible.syncRuns.useQuery({ limit: HISTORY_LIMIT });
  return (
    <details className="group/history border-t pt-5" data-testid="sync-history">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-md text-sm font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring [&::-webkit-details-marker]:hidden">
        <ChevronRight
          className="size-4 text-muted-foreground transition-transform group-open/history:rotate-90"
          aria-hidden
        />
        Sync history
        {runs.data ? <span className="font-normal text-muted-foreground">({runs.data.length})</span> : null}
      </summary>
      <div className="mt-4">
        {runs.isPending ? <p className="text-sm text-muted-foreground">Loading…</p> : null}
        {runs.isError ? <p className="text-sm text-destructive">Could not load the history.</p> : null}
        {runs.data?.length === 0 ? <p className="text-sm text-muted-foreground">No syncs yet.</p> : null}
        {runs.data?.length ? (
          <ol className="divide-y rounded-lg border" aria-label="Sync runs">
            {runs.data.map((run) => (
              <RunRow key={run.id} run={run} />
            ))}
          </ol>
        ) : null}
      </div>
    </details>
  );
}

function RunRow({ run }: { run: SyncRunView }) {
  const badge = statusBadges[run.status];
  const duration = formatDuration(run);
  return (
    <li className="space-y-2 px-4 py-3 text-sm" data-testid="sync-run">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium">{runKindLabels[run.kind]}</span>
        <Badge tone={badge.tone}>{badge.label}</Badge>
        <span className="text-muted-foreground">
          {triggerLabel(run.trigger)} ·{" "}
          <time dateTime={run.createdAt.toISOString()} suppressHydrationWarning>
            {formatDateTime(run.createdAt)}
          </time>
          {duration ? ` · took ${duration}` : null}
        </span>
      </div>
      {run.status === "failed" ? (
        <p className="text-destructive">{describeRunError(run.errorCode).title}</p>
      ) : null}
      {run.status === "succeeded" || (run.status === "failed" && wroteAnything(run)) ? (
        <RunCounts run={run} />
      ) : null}
      {run.failures.length > 0 ? <Failures run={run} /> : null}
    </li>
  );
}

function Failures({ run }: { run: SyncRunView }) {
  const more = run.failed - run.failures.length;
  return (
    <details className="group/failures">
      <summary className="inline-flex cursor-pointer list-none items-center gap-1.5 rounded-md font-medium focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring [&::-webkit-details-marker]:hidden">
        <ChevronRight
          className="size-4 text-muted-foreground transition-transform group-open/failures:rotate-90"
          aria-hidden
        />
        <AlertTriangle className="size-4 text-warning" aria-hidden />
        {formatCount(run.failed)} {run.failed === 1 ? "title" : "titles"} could not be imported
      </summary>
      <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto rounded-md bg-muted px-3 py-2">
        {run.failures.map((failure, index) => (
          <li key={`${failure.asin}-${index}`} className="flex gap-3">
            <code className="shrink-0 font-mono text-xs leading-5">{failure.asin}</code>
            <span className="min-w-0 text-muted-foreground">{failure.reason}</span>
          </li>
        ))}
        {more > 0 ? <li className="text-muted-foreground">and {formatCount(more)} more</li> : null}
      </ul>
    </details>
  );
}

const wroteAnything = (run: SyncRunView) => run.added + run.updated + run.removed + run.failed > 0;
