import { AlertTriangle, CheckCircle2 } from "lucide-react";
import type { SyncRunView } from "@/lib/validation/audible";
import { ErrorNotice } from "./error-notice";
import { describeRunError } from "./read-error";
import { formatCount, formatDateTime, runCounts, runKindLabels } from "./sync-format";

export function RunCounts({ run }: { run: SyncRunView }) {
  return (
    <p className="tabular-nums">
      {runCounts(run)
        .map(([label, value]) => `${label} ${formatCount(value)}`)
        .join(" · ")}
    </p>
  );
}

/** The finished run's outcome: its counts, or what went wrong and what to do about it. */
export function LastRunSummary({ run, hideError }: { run: SyncRunView; hideError?: boolean }) {
  const when = run.finishedAt ?? run.createdAt;
  const finished = (
    <p className="text-muted-foreground">
      {runKindLabels[run.kind]} {run.status === "failed" ? "stopped" : "finished"}{" "}
      <time dateTime={when.toISOString()} suppressHydrationWarning>
        {formatDateTime(when)}
      </time>
    </p>
  );
  if (run.status === "failed") {
    if (hideError) return null;
    const error = describeRunError(run.errorCode);
    return (
      <div className="space-y-2 text-sm" data-testid="last-run">
        <ErrorNotice error={error} />
        {finished}
      </div>
    );
  }
  return (
    <div className="flex items-start gap-3 rounded-lg border px-4 py-3 text-sm" data-testid="last-run">
      {run.failed > 0 ? (
        <AlertTriangle className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
      ) : (
        <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
      )}
      <div className="space-y-1">
        <RunCounts run={run} />
        {run.failed > 0 ? (
          <p>
            {formatCount(run.failed)} {run.failed === 1 ? "title" : "titles"} could not be imported; Sync
            history lists them, and a full re-scan tries them again.
          </p>
        ) : null}
        {finished}
      </div>
    </div>
  );
}
