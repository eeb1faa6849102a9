"use client";

import { ExternalLink, Loader2, ShieldCheck } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import type { Marketplace } from "@/lib/validation/audible";
import { defaultMarketplace } from "./default-marketplace";
import { ErrorNotice } from "./error-notice";
import { MarketplaceSelect } from "./marketplace-select";
import type { DescribedError } from "./read-error";

export function ChooseStep({
  onOpen,
  pending,
  error,
}: {
  onOpen: (marketplace: Marketplace) => void;
  pending: boolean;
  error?: DescribedError;
}) {
  const id = useId();
  // Mounted only while the dialog is open, so reading the browser's languages here never runs on the server.
  const [marketplace, setMarketplace] = useState<Marketplace>(() => defaultMarketplace(navigator.languages));

  return (
    <div className="space-y-5">
      <MarketplaceSelect id={`${id}-marketplace`} value={marketplace} onChange={setMarketplace} />
      <p className="flex gap-2.5 rounded-lg bg-muted px-3 py-2.5 text-sm text-muted-foreground">
        <ShieldCheck className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
        <span>
          You sign in on Amazon&apos;s own page, in a new tab. Media Feed never sees your Amazon password.
        </span>
      </p>
      {error ? <ErrorNotice error={error} /> : null}
      <DialogFooter>
        <Button onClick={() => onOpen(marketplace)} disabled={pending}>
          {pending ? <Loader2 className="animate-spin" aria-hidden /> : <ExternalLink aria-hidden />}
          Open Amazon sign-in
        </Button>
      </DialogFooter>
    </div>
  );
}
