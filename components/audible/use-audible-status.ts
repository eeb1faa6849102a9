"use client";

import { useEffect, useRef } from "react";
import { api } from "@/lib/trpc/react";

// The status policy allows 60 calls a minute; 1.5 s leaves room for page loads during a long import.
const POLL_WHILE_SYNCING_MS = 1_500;

/** The connection status, polled only while a sync is queued or running. */
export function useAudibleStatus() {
  const utils = api.useUtils();
  const status = api.audible.status.useQuery(undefined, {
    refetchInterval: (query) => {
      const data = query.state.data;
      return data?.connected && data.activeRun ? POLL_WHILE_SYNCING_MS : false;
    },
  });
  const data = status.data;
  const activeId = data?.connected ? (data.activeRun?.id ?? null) : null;

  // When a run ends, the history and the library it wrote are stale.
  const previous = useRef(activeId);
  useEffect(() => {
    if (previous.current && previous.current !== activeId) {
      void utils.audible.syncRuns.invalidate();
      void utils.library.invalidate();
      void utils.account.activity.invalidate();
    }
    previous.current = activeId;
  }, [activeId, utils]);

  return status;
}
