"use client";

import { ExternalLink, PlugZap } from "lucide-react";
import { useId, useMemo, useState, type FormEvent, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { marketplaceLabels } from "@/lib/validation/audible";
import type { BaseTemplates } from "@/server/audible/hosts";
import { parseLandingUrl } from "@/server/audible/landing-url";
import { BookmarkletLink } from "./bookmarklet-link";
import { errorCopy } from "./error-copy";
import { ErrorNotice } from "./error-notice";
import type { DescribedError } from "./read-error";
import type { StartedAttempt } from "./use-connect-flow";

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });

export function PasteStep({
  attempt,
  templates,
  serverError,
  initialValue = "",
  onConnect,
  onRestart,
}: {
  attempt: StartedAttempt;
  templates: BaseTemplates;
  serverError?: DescribedError;
  initialValue?: string;
  onConnect: (landingUrl: string) => void;
  onRestart: () => void;
}) {
  const id = useId();
  const [value, setValue] = useState(initialValue);
  const [edited, setEdited] = useState(false);
  // Checked here as the person types; the server checks again, this only gives the answer sooner.
  const result = useMemo(
    () =>
      value.trim() ? parseLandingUrl(value, { expectedMarketplace: attempt.marketplace, templates }) : null,
    [value, attempt.marketplace, templates],
  );
  const liveError = result && !result.ok ? errorCopy[result.error.code] : null;
  const shownError = liveError ?? (edited ? null : serverError);
  const errorId = `${id}-error`;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (result?.ok) onConnect(value);
  }

  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      <ol className="space-y-3 text-sm">
        <Step n={1}>
          Sign in on Amazon ({marketplaceLabels[attempt.marketplace].site}) in the tab that just opened.
          {attempt.popupBlocked ? (
            <Alert tone="warning" className="mt-2">
              Your browser blocked the new tab.{" "}
              <a
                href={attempt.signInUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="font-medium underline"
              >
                Open Amazon sign-in
              </a>
            </Alert>
          ) : (
            <a
              href={attempt.signInUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="ml-1 inline-flex items-center gap-1 text-primary underline-offset-4 hover:underline"
            >
              Open it again
              <ExternalLink className="size-3.5" aria-hidden />
            </a>
          )}
        </Step>
        <Step n={2}>Solve any puzzle or code Amazon shows you.</Step>
        <Step n={3}>
          You will land on a <strong className="font-medium">“page not found”</strong>. That is expected: it
          means Amazon signed you in.
        </Step>
        <Step n={4}>Copy that page&apos;s address from the address bar and paste it here.</Step>
      </ol>

      <div className="space-y-2">
        <Label htmlFor={`${id}-url`}>Address of the page you landed on</Label>
        <Input
          id={`${id}-url`}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setEdited(true);
          }}
          placeholder={`https://www.amazon.${marketplaceLabels[attempt.marketplace].site.slice("audible.".length)}/ap/maplanding?…`}
          autoComplete="off"
          spellCheck={false}
          inputMode="url"
          aria-invalid={shownError ? true : undefined}
          aria-describedby={shownError ? errorId : undefined}
          autoFocus={attempt.popupBlocked ? undefined : true}
        />
        {shownError ? (
          <div id={errorId}>
            <ErrorNotice error={shownError} />
          </div>
        ) : null}
      </div>

      <div className="rounded-lg border border-dashed px-4 py-3 text-sm">
        <p className="mb-2 font-medium">One-click way</p>
        <div className="flex flex-wrap items-center gap-3">
          <BookmarkletLink code={attempt.bookmarklet} />
          <p className="min-w-0 flex-1 text-muted-foreground">
            Drag it to your bookmarks bar, then click it on the “page not found”.
          </p>
        </div>
      </div>

      <DialogFooter className="sm:justify-between">
        <p className="text-xs text-muted-foreground">
          Valid until {timeFormat.format(attempt.expiresAt)}.{" "}
          <button
            type="button"
            onClick={onRestart}
            className="text-primary underline-offset-4 hover:underline"
          >
            Start again
          </button>
        </p>
        <Button type="submit" disabled={!result?.ok}>
          <PlugZap aria-hidden />
          Connect
        </Button>
      </DialogFooter>
    </form>
  );
}

function Step({ n, children }: { n: number; children: ReactNode }) {
  return (
    <li className="flex gap-3">
      <span
        aria-hidden
        className="grid size-6 shrink-0 place-items-center rounded-full bg-accent text-xs font-semibold text-primary"
      >
        {n}
      </span>
      <div className="pt-0.5">{children}</div>
    </li>
  );
}
