"use client";

import { Loader2, Trash2 } from "lucide-react";
import { useId, useState } from "react";
import { signOutAction } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
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
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { api } from "@/lib/trpc/react";

/** Deleting is final, so the person types their email; a wrong email deletes nothing. */
export function DeleteAccount({ email }: { email: string }) {
  const [typed, setTyped] = useState("");
  const id = useId();
  const remove = api.account.delete.useMutation({ onSuccess: () => void signOutAction() });
  const matches = typed.trim().toLowerCase() === email;

  return (
    <Dialog onOpenChange={() => (setTyped(""), remove.reset())}>
      <DialogTrigger asChild>
        <Button variant="destructive">
          <Trash2 aria-hidden />
          Delete account
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete your account?</DialogTitle>
          <DialogDescription>
            This removes your library, your Audible connection (Media Feed is signed out of Audible first),
            your sync history and your activity. It cannot be undone.
          </DialogDescription>
        </DialogHeader>
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (matches && !remove.isPending) remove.mutate({ confirmEmail: typed });
          }}
        >
          <div className="space-y-2">
            <Label htmlFor={id}>
              Type <span className="font-semibold">{email}</span> to confirm
            </Label>
            <Input
              id={id}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          {remove.isError ? <Alert tone="error">{remove.error.message}</Alert> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                Keep my account
              </Button>
            </DialogClose>
            <Button
              type="submit"
              variant="destructive"
              disabled={!matches || remove.isPending || remove.isSuccess}
            >
              {remove.isPending || remove.isSuccess ? <Loader2 className="animate-spin" aria-hidden /> : null}
              Delete my account
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
