"use client";

import { Loader2, RefreshCw, ScanSearch } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { StatusOutput } from "@/lib/validation/audible";
import type { SyncNow } from "./use-sync-now";

type Connected = Extract<StatusOutput, { connected: true }>;

function SyncButtons({
  sync,
  active,
  fullRescan = true,
}: {
  sync: SyncNow;
  active: boolean;
  fullRescan?: boolean;
}) {
  const busy = active || sync.isPending;
  const pendingFull = sync.isPending && sync.variables?.full === true;
  return (
    <>
      <Button disabled={busy} onClick={() => sync.mutate({ full: false })}>
        {sync.isPending && !pendingFull ? (
          <Loader2 className="animate-spin" aria-hidden />
        ) : (
          <RefreshCw aria-hidden />
        )}
        Sync now
      </Button>
      {fullRescan ? (
        <Button
          variant="secondary"
          disabled={busy}
          title="Read the whole library again; titles you returned are marked as removed."
          onClick={() => sync.mutate({ full: true })}
        >
          {pendingFull ? <Loader2 className="animate-spin" aria-hidden /> : <ScanSearch aria-hidden />}
          Full re-scan
        </Button>
      ) : null}
    </>
  );
}

/** Reconnect when Audible signed us out, else the sync buttons; nothing while Audible is unreachable. */
export function ConnectedActions({
  status,
  sync,
  onReconnect,
  fullRescan,
}: {
  status: Connected;
  sync: SyncNow;
  onReconnect: () => void;
  fullRescan?: boolean;
}) {
  if (status.availability !== "available") return null;
  if (status.needsReconnect)
    return (
      <Button onClick={onReconnect}>
        <RefreshCw aria-hidden />
        Reconnect
      </Button>
    );
  return <SyncButtons sync={sync} active={status.activeRun !== null} fullRescan={fullRescan} />;
}
