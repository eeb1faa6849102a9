"use client";

import { Link2, Settings } from "lucide-react";
import Link from "next/link";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import type { BaseTemplates } from "@/server/audible/hosts";
import { AudibleCardHeader } from "./audible-card-header";
import { ConnectModal } from "./connect-modal";
import { MarketplaceName } from "./marketplace-select";
import { ConnectedActions } from "./sync-buttons";
import { SyncSection } from "./sync-section";
import { UnavailableNotice } from "./unavailable-notice";
import { useAudibleStatus } from "./use-audible-status";
import { useSyncNow } from "./use-sync-now";

/** The Import page's Audible option: the connect modal when not connected; status, progress and "Sync now" when connected. */
export function AudibleImportOption({ templates }: { templates: BaseTemplates }) {
  const status = useAudibleStatus();
  const sync = useSyncNow();
  const [connectOpen, setConnectOpen] = useState(false);
  const cardRef = useRef<HTMLElement>(null);
  const data = status.data;

  return (
    <Card ref={cardRef} tabIndex={-1} aria-labelledby="audible-import-title" className="focus:outline-none">
      <AudibleCardHeader titleId="audible-import-title" status={data}>
        Connect your Audible account once and keep your whole library in sync, progress included.
      </AudibleCardHeader>
      <CardContent className="flex flex-wrap items-center gap-x-4 gap-y-3 pl-20 text-sm">
        {data && data.availability !== "available" ? (
          <div className="w-full">
            <UnavailableNotice availability={data.availability} />
          </div>
        ) : null}
        {data && !data.connected && data.availability === "available" ? (
          <Button onClick={() => setConnectOpen(true)}>
            <Link2 aria-hidden />
            Connect Audible
          </Button>
        ) : null}
        {data?.connected ? (
          <>
            <span className="min-w-0 truncate">
              {data.accountName ?? "Your account"} ·{" "}
              <span className="inline-flex">
                <MarketplaceName marketplace={data.marketplace} />
              </span>
              {data.titleCount === null ? null : ` · ${data.titleCount.toLocaleString("en")} titles`}
            </span>
            <div className="w-full space-y-3">
              <SyncSection status={data} sync={sync} />
            </div>
            <div className="flex flex-wrap gap-2">
              <ConnectedActions
                status={data}
                sync={sync}
                onReconnect={() => setConnectOpen(true)}
                fullRescan={false}
              />
              <Button asChild variant="secondary">
                <Link href="/settings">
                  <Settings aria-hidden />
                  Manage in Settings
                </Link>
              </Button>
            </div>
          </>
        ) : null}
        {status.isPending ? <span className="text-muted-foreground">Checking the connection…</span> : null}
        {status.isError ? <span className="text-destructive">Could not check the connection.</span> : null}
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
