import { Loader2 } from "lucide-react";
import { useId } from "react";
import { Progress } from "@/components/ui/progress";
import type { SyncRunView } from "@/lib/validation/audible";
import { runProgress } from "./sync-format";

export function SyncProgress({ run }: { run: SyncRunView }) {
  const id = useId();
  const { value, label } = runProgress(run);
  const title = run.kind === "delta" ? "Syncing changes from Audible" : "Importing your Audible library";
  return (
    <div className="space-y-2" data-testid="sync-progress">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-sm">
        <span id={id} className="inline-flex items-center gap-2 font-medium">
          <Loader2 className="size-4 animate-spin text-primary" aria-hidden />
          {title}
        </span>
        <span className="tabular-nums text-muted-foreground" aria-live="polite">
          {label}
        </span>
      </div>
      <Progress
        value={value}
        aria-labelledby={id}
        aria-valuetext={label}
        // The muted track all but vanishes on the dark card; a tint of the bar's colour keeps its length visible.
        className="h-2 bg-primary/15"
      />
    </div>
  );
}
