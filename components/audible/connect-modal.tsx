"use client";

import type { RefObject } from "react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { api } from "@/lib/trpc/react";
import type { BaseTemplates } from "@/server/audible/hosts";
import { ChooseStep } from "./choose-step";
import { ConnectingState, FailedState, SuccessState } from "./connect-outcome";
import { PasteStep } from "./paste-step";
import { useConnectFlow, type Phase } from "./use-connect-flow";

const titles = {
  choose: "Connect Audible",
  paste: "Sign in on Amazon",
  connecting: "Connecting",
  success: "Connected",
  failed: "Could not connect",
} as const satisfies Record<Phase["step"], string>;

const descriptions = {
  choose: "Choose the Audible store you buy from, then sign in on Amazon.",
  paste: "Follow these steps in the new tab, then come back here.",
  connecting: "Hold on while Amazon confirms the sign-in.",
  success: "Your Audible account is linked to Media Feed.",
  failed: "Nothing was changed on your Audible account.",
} as const satisfies Record<Phase["step"], string>;

/**
 * The one connect dialog, opened from Settings, Import and the Reconnect warning alike. Its owner keeps it
 * mounted across status changes: success flips the card to "Connected", and the dialog must survive that.
 */
export function ConnectModal({
  templates,
  open,
  onOpenChange,
  reconnect = false,
  returnFocusTo,
}: {
  templates: BaseTemplates;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  reconnect?: boolean;
  /** The button that opened the dialog may be gone when it closes (connected now), so focus goes here. */
  returnFocusTo?: RefObject<HTMLElement | null>;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {open ? (
        <ConnectDialogBody
          templates={templates}
          reconnect={reconnect}
          onClose={() => onOpenChange(false)}
          returnFocusTo={returnFocusTo}
        />
      ) : null}
    </Dialog>
  );
}

function ConnectDialogBody({
  templates,
  reconnect,
  onClose,
  returnFocusTo,
}: {
  templates: BaseTemplates;
  reconnect: boolean;
  onClose: () => void;
  returnFocusTo?: RefObject<HTMLElement | null>;
}) {
  const { phase, openSignIn, connect, restart, starting } = useConnectFlow();
  const utils = api.useUtils();
  const title = phase.step === "choose" && reconnect ? "Reconnect Audible" : titles[phase.step];

  return (
    <DialogContent
      aria-busy={phase.step === "connecting"}
      // Leaving mid-registration would hide the outcome; the request finishes either way.
      onInteractOutside={(event) => phase.step !== "choose" && event.preventDefault()}
      hideClose={phase.step === "connecting"}
      onCloseAutoFocus={(event) => {
        if (!returnFocusTo?.current) return;
        event.preventDefault();
        returnFocusTo.current.focus();
      }}
    >
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{descriptions[phase.step]}</DialogDescription>
      </DialogHeader>
      {phase.step === "choose" ? (
        <ChooseStep onOpen={openSignIn} pending={starting} error={phase.error} />
      ) : null}
      {phase.step === "paste" ? (
        <PasteStep
          key={phase.attempt.attemptId}
          attempt={phase.attempt}
          templates={templates}
          serverError={phase.error}
          initialValue={phase.landingUrl}
          onConnect={(url) => connect(phase.attempt, url)}
          onRestart={restart}
        />
      ) : null}
      {phase.step === "connecting" ? <ConnectingState /> : null}
      {phase.step === "success" ? <SuccessState result={phase.result} /> : null}
      {phase.step === "failed" ? (
        <FailedState
          error={phase.error}
          onRestart={restart}
          onRetry={() => connect(phase.attempt, phase.landingUrl)}
          onRefresh={() => {
            void utils.audible.status.invalidate();
            void utils.account.activity.invalidate();
            onClose();
          }}
        />
      ) : null}
    </DialogContent>
  );
}
