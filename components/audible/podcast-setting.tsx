"use client";

import { useId } from "react";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { api } from "@/lib/trpc/react";

export function PodcastEpisodesSetting() {
  const id = useId();
  const utils = api.useUtils();
  const settings = api.audible.settings.useQuery();
  const update = api.audible.updateSettings.useMutation({
    // The switch moves at once; a refused save puts it back.
    onMutate: async (next) => {
      await utils.audible.settings.cancel();
      const before = utils.audible.settings.getData();
      utils.audible.settings.setData(undefined, next);
      return { before };
    },
    onError: (_error, _next, context) => utils.audible.settings.setData(undefined, context?.before),
    onSettled: () => utils.audible.settings.invalidate(),
  });
  const checked = settings.data?.importPodcastEpisodes ?? false;

  return (
    <div className="flex items-start justify-between gap-4 rounded-lg border px-4 py-3">
      <div className="space-y-1">
        <Label htmlFor={`${id}-episodes`}>Import podcast episodes</Label>
        <p id={`${id}-episodes-hint`} className="text-sm text-muted-foreground">
          Podcasts always arrive as shows; switch this on to also list each episode. It applies from the next
          sync.
        </p>
        {update.isError ? (
          <p className="text-sm text-destructive" role="alert">
            The setting could not be saved. Try again.
          </p>
        ) : null}
      </div>
      <Switch
        id={`${id}-episodes`}
        checked={checked}
        disabled={settings.isPending}
        aria-describedby={`${id}-episodes-hint`}
        onCheckedChange={(next) => update.mutate({ importPodcastEpisodes: next })}
        className="mt-0.5"
      />
    </div>
  );
}
