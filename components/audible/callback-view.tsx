"use client";

import { ArrowRight, CheckCircle2, Loader2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { api } from "@/lib/trpc/react";
import type { BaseTemplates } from "@/server/audible/hosts";
import { parseLandingUrl } from "@/server/audible/landing-url";
import { clearAttempt, loadAttempt } from "./attempt-storage";
import { errorCopy, type ErrorCopy } from "./error-copy";
import { ErrorNotice } from "./error-notice";
import { MarketplaceName } from "./marketplace-select";
import { describeError } from "./read-error";

export type CallbackInput =
  { kind: "bookmarklet"; url: string } | { kind: "redirect"; code: string; state: string } | { kind: "none" };

const localErrors = {
  NO_ATTEMPT: {
    title: "No sign-in in progress in this browser",
    message:
      "The bookmarklet finishes a connection started in this same browser. Start again from Settings and use it in the tab that opens.",
    next: "start-again",
  },
  NOTHING: {
    title: "Nothing to finish here",
    message: "This page finishes connecting Audible after you sign in on Amazon. Start from Settings.",
    next: "start-again",
  },
} as const satisfies Record<string, ErrorCopy>;

const REDIRECT_DELAY_MS = 2500;

export function CallbackView({ input, templates }: { input: CallbackInput; templates: BaseTemplates }) {
  const router = useRouter();
  const utils = api.useUtils();
  const [localError, setLocalError] = useState<(ErrorCopy & { code?: string }) | null>(null);
  const complete = api.audible.connect.complete.useMutation({
    onSuccess: () => {
      clearAttempt();
      void utils.audible.status.invalidate();
    },
  });
  // Strict mode runs effects twice and the attempt is single use: only the first run may call the server.
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    // The code in the address bar is a live credential for a few minutes; keep it out of history.
    window.history.replaceState(null, "", "/audible/callback");
    if (input.kind === "none") return setLocalError(localErrors.NOTHING);
    if (input.kind === "redirect") return complete.mutate({ state: input.state, code: input.code });
    const attempt = loadAttempt();
    if (!attempt) return setLocalError(localErrors.NO_ATTEMPT);
    if (attempt.expiresAt.getTime() <= Date.now()) {
      clearAttempt();
      return setLocalError(errorCopy.CONNECT_ATTEMPT_EXPIRED);
    }
    const parsed = parseLandingUrl(input.url, { expectedMarketplace: attempt.marketplace, templates });
    if (!parsed.ok) return setLocalError({ ...errorCopy[parsed.error.code], code: parsed.error.code });
    complete.mutate({ attemptId: attempt.attemptId, landingUrl: input.url });
  }, [input, templates, complete]);

  useEffect(() => {
    if (!complete.isSuccess) return;
    const timer = window.setTimeout(() => router.replace("/settings"), REDIRECT_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [complete.isSuccess, router]);

  const error = localError ?? (complete.error ? describeError(complete.error) : null);

  if (error) return <Failed error={error} />;
  if (complete.data)
    return (
      <div className="space-y-5">
        <div
          className="flex gap-3 rounded-lg border border-success/30 bg-success-muted px-4 py-3"
          role="status"
        >
          <CheckCircle2 className="mt-0.5 size-5 shrink-0 text-success" aria-hidden />
          <div className="space-y-1 text-sm">
            <h2 className="font-medium">Connected</h2>
            <p className="text-muted-foreground">
              {complete.data.accountName ? `Signed in as ${complete.data.accountName}. ` : ""}Taking you to
              Settings…
            </p>
          </div>
        </div>
        <div className="text-sm">
          <MarketplaceName marketplace={complete.data.marketplace} />
        </div>
        <Button asChild>
          <Link href="/settings">
            Go to Settings
            <ArrowRight aria-hidden />
          </Link>
        </Button>
      </div>
    );
  return (
    <div className="space-y-4" role="status" aria-live="polite">
      <p className="flex items-center gap-2 font-medium">
        <Loader2 className="size-4 animate-spin text-primary" aria-hidden />
        Connecting to Audible…
      </p>
      <Progress aria-label="Connecting to Audible" />
      <p className="text-sm text-muted-foreground">
        Registering Media Feed as a device on your Amazon account. You can close the Amazon tab afterwards.
      </p>
    </div>
  );
}

function Failed({ error }: { error: ErrorCopy & { code?: string } }) {
  const signIn = error.next === "sign-in";
  return (
    <div className="space-y-5">
      <ErrorNotice error={error} />
      <Button asChild>
        <Link href={signIn ? "/sign-in?callbackUrl=%2Fsettings" : "/settings"}>
          {signIn
            ? "Sign in again"
            : error.next === "start-again"
              ? "Start again in Settings"
              : "Back to Settings"}
        </Link>
      </Button>
    </div>
  );
}
