"use client";

import { Link2, RefreshCw } from "lucide-react";
import { useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import type { BaseTemplates } from "@/server/audible/hosts";
import { AudibleCardHeader } from "./audible-card-header";
import { ConnectModal } from "./connect-modal";
import { DisconnectDialog, type DisconnectOutcome } from "./disconnect-dialog";
import { DisconnectNotice } from "./disconnect-notice";
import { ErrorNotice } from "./error-notice";
import { describeError } from "./read-error";
import { StatusDetails } from "./status-details";
import { PodcastEpisodesSetting } from "./podcast-setting";
import { ConnectedActions } from "./sync-buttons";
import { SyncHistory } from "./sync-history";
import { SyncSection } from "./sync-section";
import { UnavailableNotice } from "./unavailable-notice";
import { useAudibleStatus } from "./use-audible-status";
import { useSyncNow } from "./use-sync-now";

export function StatusCard({ templates }: { templates: BaseTemplates }) {
  const status = useAudibleStatus();
  const sync = useSyncNow();
  const [outcome, setOutcome] = useState<DisconnectOutcome | null>(null);
  const [connectOpen, setConnectOpen] = useState(false);
  const cardRef = useRef<HTMLElement>(null);
  const data = status.data;

  return (
    <Card ref={cardRef} tabIndex={-1} aria-labelledby="audible-card-title" className="focus:outline-none">
      <AudibleCardHeader titleId="audible-card-title" status={data}>
        Import your audiobook library and listening progress from Audible.
      </AudibleCardHeader>
      <CardContent className="space-y-5">
        {status.isPending ? <p className="text-sm text-muted-foreground">Checking the connection…</p> : null}
        {status.isError ? (
          <div className="space-y-3">
            <ErrorNotice error={describeError(status.error)} />
            <Button variant="secondary" onClick={() => void status.refetch()}>
              <RefreshCw aria-hidden />
              Try again
            </Button>
          </div>
        ) : null}
        {data && data.availability !== "available" ? (
          <UnavailableNotice availability={data.availability} />
        ) : null}
        {data && !data.connected && data.availability === "available" ? (
          <>
            {outcome ? <DisconnectNotice outcome={outcome} /> : null}
            <p className="text-sm text-muted-foreground">
              You sign in on Amazon&apos;s own page; Media Feed never sees your password. Your books stay on
              Audible; Media Feed keeps a copy of the list and your progress.
            </p>
            <Button onClick={() => setConnectOpen(true)}>
              <Link2 aria-hidden />
              Connect Audible
            </Button>
          </>
        ) : null}
        {data?.connected ? (
          <>
            {data.needsReconnect ? (
              <Alert tone="warning">
                <p className="font-medium">Audible signed Media Feed out</p>
                <p className="text-muted-foreground">
                  The connection stopped working, so your library is not being updated. Reconnect to pick up
                  where it left off; your imported books stay.
                </p>
              </Alert>
            ) : null}
            <StatusDetails status={data} />
            <SyncSection status={data} sync={sync} />
            <div className="flex flex-wrap gap-2">
              <ConnectedActions status={data} sync={sync} onReconnect={() => setConnectOpen(true)} />
              <div className="ml-auto">
                <DisconnectDialog deviceName={data.deviceName} onDisconnected={setOutcome} />
              </div>
            </div>
            <PodcastEpisodesSetting />
            <SyncHistory />
          </>
        ) : null}
      </CardContent>
      <ConnectModal
        templates={templates}
        open={connectOpen}
        onOpenChange={setConnectOpen}
        reconnect={data?.connected === true && data.needsReconnect}
        returnFocusTo={cardRef}
      />
    </Card>
  );
}
