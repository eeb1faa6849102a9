"use client";

import { useRef, useState } from "react";
import { api } from "@/lib/trpc/react";
import type { Marketplace } from "@/lib/validation/audible";
import { clearAttempt, saveAttempt } from "./attempt-storage";
import { describeError, type DescribedError } from "./read-error";

export type StartedAttempt = {
  attemptId: string;
  signInUrl: string;
  expiresAt: Date;
  bookmarklet: string;
  marketplace: Marketplace;
  popupBlocked: boolean;
};

export type ConnectResult = {
  marketplace: Marketplace;
  accountName: string | null;
  deviceName: string;
  reconnected: boolean;
};

export type Phase =
  | { step: "choose"; error?: DescribedError }
  | { step: "paste"; attempt: StartedAttempt; error?: DescribedError; landingUrl?: string }
  | { step: "connecting"; attempt: StartedAttempt }
  | { step: "success"; result: ConnectResult }
  | { step: "failed"; error: DescribedError; attempt: StartedAttempt; landingUrl: string };

export function useConnectFlow() {
  const [phase, setPhase] = useState<Phase>({ step: "choose" });
  // Double clicks and strict-mode replays must not spend the single-use attempt twice.
  const busy = useRef(false);
  const utils = api.useUtils();
  const start = api.audible.connect.start.useMutation();
  const complete = api.audible.connect.complete.useMutation();

  function openSignIn(marketplace: Marketplace) {
    if (busy.current) return;
    busy.current = true;
    // Opened inside the click so popup blockers allow it; pointed at Amazon once the server answers.
    const popup = window.open("about:blank", "_blank");
    start.mutate(
      { marketplace },
      {
        onSuccess: (data) => {
          saveAttempt({ attemptId: data.attemptId, marketplace, expiresAt: data.expiresAt });
          const opened = popup !== null && !popup.closed;
          if (opened) {
            popup.opener = null;
            popup.location.href = data.signInUrl;
          }
          setPhase({ step: "paste", attempt: { ...data, marketplace, popupBlocked: !opened } });
        },
        onError: (error) => {
          popup?.close();
          setPhase({ step: "choose", error: describeError(error) });
        },
        onSettled: () => {
          busy.current = false;
        },
      },
    );
  }

  function connect(attempt: StartedAttempt, landingUrl: string) {
    if (busy.current) return;
    busy.current = true;
    setPhase({ step: "connecting", attempt });
    complete.mutate(
      { attemptId: attempt.attemptId, landingUrl: landingUrl.trim() },
      {
        onSuccess: (result) => {
          clearAttempt();
          void utils.audible.status.invalidate();
          setPhase({ step: "success", result });
        },
        onError: (error) => {
          const described = describeError(error);
          setPhase(
            described.next === "fix-address"
              ? { step: "paste", attempt, error: described, landingUrl }
              : { step: "failed", error: described, attempt, landingUrl },
          );
        },
        onSettled: () => {
          busy.current = false;
        },
      },
    );
  }

  function restart() {
    clearAttempt();
    setPhase({ step: "choose" });
  }

  return { phase, setPhase, openSignIn, connect, restart, starting: start.isPending };
}
