"use client";

import { Loader2, RefreshCw, ScanSearch } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { SyncNow } from "./use-sync-now";

export function SyncButtons({
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
