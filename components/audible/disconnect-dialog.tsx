"use client";

import { Loader2, Unplug } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { api } from "@/lib/trpc/react";
import { ErrorNotice } from "./error-notice";
import { describeError } from "./read-error";

export type DisconnectOutcome = { deregistered: boolean; keptLibrary: boolean; deviceName: string };

export function DisconnectDialog({
  deviceName,
  onDisconnected,
}: {
  deviceName: string;
  onDisconnected: (outcome: DisconnectOutcome) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [keepLibrary, setKeepLibrary] = useState(true);
  const utils = api.useUtils();
  const disconnect = api.audible.disconnect.useMutation({
    onSuccess: async (result) => {
      onDisconnected({ ...result, deviceName });
      setOpen(false);
      await Promise.all([utils.audible.status.invalidate(), utils.account.activity.invalidate()]);
    },
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (disconnect.isPending) return;
        setOpen(next);
        if (next) {
          setKeepLibrary(true);
          disconnect.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="secondary">
          <Unplug aria-hidden />
          Disconnect
        </Button>
      </DialogTrigger>
      <DialogContent hideClose={disconnect.isPending}>
        <DialogHeader>
          <DialogTitle>Disconnect Audible?</DialogTitle>
          <DialogDescription>
            Media Feed removes its device “{deviceName}” from your Amazon account and deletes its keys. You
            can connect again at any time.
          </DialogDescription>
        </DialogHeader>
        <div className="flex items-start gap-3 rounded-lg border px-4 py-3">
          <Checkbox
            id={`${id}-keep`}
            checked={keepLibrary}
            onCheckedChange={(checked) => setKeepLibrary(checked === true)}
            aria-describedby={`${id}-keep-hint`}
            className="mt-0.5"
          />
          <div className="space-y-1">
            <Label htmlFor={`${id}-keep`}>Keep my imported books</Label>
            <p id={`${id}-keep-hint`} className="text-sm text-muted-foreground">
              {keepLibrary
                ? "Your books, progress and notes stay in your library."
                : "Books imported from Audible are removed from your library."}
            </p>
          </div>
        </div>
        {disconnect.error ? <ErrorNotice error={describeError(disconnect.error)} /> : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="secondary" disabled={disconnect.isPending}>
              Cancel
            </Button>
          </DialogClose>
          <Button
            variant="destructive"
            disabled={disconnect.isPending}
            onClick={() => disconnect.mutate({ keepLibrary })}
          >
            {disconnect.isPending ? <Loader2 className="animate-spin" aria-hidden /> : null}
            Disconnect
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
