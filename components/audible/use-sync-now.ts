"use client";

import { api } from "@/lib/trpc/react";

/** Starts (or joins) a sync; the status query then polls while the run goes. */
export function useSyncNow() {
  const utils = api.useUtils();
  return api.audible.sync.useMutation({
    onSuccess: async () => {
      await Promise.all([utils.audible.status.invalidate(), utils.audible.syncRuns.invalidate()]);
    },
  });
}

export type SyncNow = ReturnType<typeof useSyncNow>;
