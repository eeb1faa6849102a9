import type { ReactNode } from "react";
import type { StatusOutput } from "@/lib/validation/audible";
import { MarketplaceName } from "./marketplace-select";

type Connected = Extract<StatusOutput, { connected: true }>;

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function StatusDetails({ status }: { status: Connected }) {
  return (
    <dl className="grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
      <Detail label="Account">{status.accountName ?? "Unknown name"}</Detail>
      <Detail label="Marketplace">
        <MarketplaceName marketplace={status.marketplace} />
      </Detail>
      <Detail label="Device">{status.deviceName}</Detail>
      <Detail label="Connected since">
        <time dateTime={status.connectedSince.toISOString()} suppressHydrationWarning>
          {dateFormat.format(status.connectedSince)}
        </time>
      </Detail>
      <Detail label="Last sync">
        {status.lastSyncAt ? (
          <time dateTime={status.lastSyncAt.toISOString()} suppressHydrationWarning>
            {dateTimeFormat.format(status.lastSyncAt)}
          </time>
        ) : (
          "Never"
        )}
      </Detail>
      {status.titleCount === null ? null : (
        <Detail label="Titles">{status.titleCount.toLocaleString("en")}</Detail>
      )}
    </dl>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 space-y-1">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="truncate font-medium">{children}</dd>
    </div>
  );
}
