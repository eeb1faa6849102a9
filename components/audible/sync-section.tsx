import type { StatusOutput } from "@/lib/validation/audible";
import { ErrorNotice } from "./error-notice";
import { LastRunSummary } from "./last-run-summary";
import { describeError } from "./read-error";
import { SyncProgress } from "./sync-progress";
import type { SyncNow } from "./use-sync-now";

type Connected = Extract<StatusOutput, { connected: true }>;

/** The running sync's progress, else how the last one went, plus why "Sync now" was refused. */
export function SyncSection({ status, sync }: { status: Connected; sync: SyncNow }) {
  const { activeRun, lastRun } = status;
  return (
    <>
      {activeRun ? <SyncProgress run={activeRun} /> : null}
      {!activeRun && lastRun ? (
        // A sign-out is already explained by the reconnect banner.
        <LastRunSummary run={lastRun} hideError={status.needsReconnect} />
      ) : null}
      {sync.error ? <ErrorNotice error={describeError(sync.error)} /> : null}
    </>
  );
}
