"use client";

import { useEffect } from "react";
import { api } from "@/lib/trpc/react";

// The status policy allows 60 calls a minute; 1.5 s leaves room for page loads during a long import.
const POLL_WHILE_SYNCING_MS = 1_500;

/**
 * A read already in flight may have been answered before the run ended, and react-query joins it rather
 * than asking again, so it is cancelled first.
 */
async function readAgain(query: { cancel: () => Promise<void>; invalidate: () => Promise<void> }) {
  await query.cancel();
  await query.invalidate();
}

// Shared by every reader of the status (the settings page has three): the first to see a run finish
// reads again for all of them.
let lastFinishedSeen: string | null | undefined;

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
  // Keyed on the newest finished run rather than on the active one: a quick sync can start and finish
  // between two status reads, and then no active run is ever seen.
  const finishedId = data === undefined ? undefined : data.connected ? (data.lastRun?.id ?? null) : null;

  useEffect(() => {
    if (finishedId === undefined || finishedId === lastFinishedSeen) return;
    const first = lastFinishedSeen === undefined;
    lastFinishedSeen = finishedId;
    if (first) return;
    for (const query of [utils.audible.syncRuns, utils.library.list, utils.account.activity]) {
      void readAgain(query);
    }
  }, [finishedId, utils]);

  return status;
}
