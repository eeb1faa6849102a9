"use client";

import { CheckCircle2, Loader2 } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogFooter } from "@/components/ui/dialog";
import { Progress } from "@/components/ui/progress";
import { marketplaceLabels } from "@/lib/validation/audible";
import { nextStepLabels } from "./error-copy";
import { ErrorNotice } from "./error-notice";
import type { DescribedError } from "./read-error";
import type { ConnectResult } from "./use-connect-flow";

export function ConnectingState() {
  return (
    <div className="space-y-4 py-2" role="status" aria-live="polite">
      <p className="flex items-center gap-2 font-medium">
        <Loader2 className="size-4 animate-spin text-primary" aria-hidden />
        Connecting to Audible…
      </p>
      <Progress aria-label="Connecting to Audible" />
      <p className="text-sm text-muted-foreground">
        Registering Media Feed as a device on your Amazon account. This takes a few seconds.
      </p>
    </div>
  );
}

export function SuccessState({ result }: { result: ConnectResult }) {
  return (
    <div className="space-y-5">
      <div
        className="flex gap-3 rounded-lg border border-success/30 bg-success-muted px-4 py-3"
        role="status"
      >
        <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-success" aria-hidden />
        <div className="space-y-1 text-sm">
          <p className="font-medium">{result.reconnected ? "Audible reconnected" : "Audible connected"}</p>
          <p className="text-muted-foreground">
            {result.accountName ? `Signed in as ${result.accountName} on ` : "Signed in on "}
            {marketplaceLabels[result.marketplace].site}. Media Feed shows up at Amazon as the device “
            {result.deviceName}”.
          </p>
        </div>
      </div>
      <DialogFooter>
        <DialogClose asChild>
          <Button>Done</Button>
        </DialogClose>
      </DialogFooter>
    </div>
  );
}

export function FailedState({
  error,
  onRestart,
  onRetry,
  onRefresh,
}: {
  error: DescribedError;
  onRestart: () => void;
  onRetry: () => void;
  onRefresh: () => void;
}) {
  const label = nextStepLabels[error.next];
  return (
    <div className="space-y-5">
      <ErrorNotice error={error} />
      <DialogFooter>
        {error.next === "close" ? null : (
          <DialogClose asChild>
            <Button variant="secondary">Close</Button>
          </DialogClose>
        )}
        <NextStepButton
          next={error.next}
          label={label}
          onRestart={onRestart}
          onRetry={onRetry}
          onRefresh={onRefresh}
        />
      </DialogFooter>
    </div>
  );
}

function NextStepButton({
  next,
  label,
  onRestart,
  onRetry,
  onRefresh,
}: {
  next: DescribedError["next"];
  label: string;
  onRestart: () => void;
  onRetry: () => void;
  onRefresh: () => void;
}) {
  if (next === "close")
    return (
      <DialogClose asChild>
        <Button>{label}</Button>
      </DialogClose>
    );
  if (next === "sign-in")
    return (
      <Button asChild>
        <Link href="/sign-in?callbackUrl=%2Fsettings">{label}</Link>
      </Button>
    );
  const action = next === "retry" ? onRetry : next === "refresh" ? onRefresh : onRestart;
  return <Button onClick={action}>{label}</Button>;
}
