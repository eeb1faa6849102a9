"use client";

import { Download, Link2, RefreshCw, Unlink } from "lucide-react";
import { useEffect, useRef } from "react";
import { useAudibleStatus } from "@/components/audible/use-audible-status";
import { api } from "@/lib/trpc/react";
import { activitySentence } from "./activity-sentence";

const icons = {
  "audible.connect": Link2,
  "audible.reconnect": Link2,
  "audible.disconnect": Unlink,
  "audible.sync": RefreshCw,
  "import.file": Download,
} as const;

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function ActivityList() {
  const activity = api.account.activity.useQuery({ limit: 50 });
  // Shares the status card's query: a run that finished since the list loaded means new entries.
  const status = useAudibleStatus().data;
  const lastRun = status?.connected ? status.lastRun : null;
  const runKey = lastRun ? `${lastRun.id}:${lastRun.status}` : "";
  const seenRunKey = useRef(runKey);
  const { refetch } = activity;
  useEffect(() => {
    if (runKey === seenRunKey.current) return;
    seenRunKey.current = runKey;
    void refetch();
  }, [runKey, refetch]);
  if (activity.isPending)
    return <p className="px-6 py-5 text-sm text-muted-foreground">Loading your activity…</p>;
  if (activity.isError)
    return <p className="px-6 py-5 text-sm text-destructive">Your activity could not be loaded.</p>;
  if (activity.data.length === 0) {
    return (
      <p className="px-6 py-5 text-sm text-muted-foreground">
        Nothing yet. Connecting Audible, syncing, importing a file and disconnecting show up here.
      </p>
    );
  }
  return (
    <ol className="divide-y">
      {activity.data.map((entry) => {
        const Icon = icons[entry.action as keyof typeof icons] ?? RefreshCw;
        return (
          <li key={entry.id} className="flex items-start gap-3 px-6 py-3 text-sm">
            <Icon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
            <span className="min-w-0 flex-1">{activitySentence(entry.action, entry.detail)}</span>
            <time dateTime={entry.createdAt.toISOString()} className="shrink-0 text-muted-foreground">
              {when.format(entry.createdAt)}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
