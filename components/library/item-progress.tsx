import { CheckCircle2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { LibraryListItem } from "@/lib/validation/library";

/** Finished titles get a badge rather than a full bar; unstarted ones show nothing, which keeps the grid calm. */
export function ItemProgress({ item }: { item: Pick<LibraryListItem, "status" | "progressPercent"> }) {
  if (item.status === "finished") {
    return (
      <Badge tone="success">
        <CheckCircle2 aria-hidden />
        Finished
      </Badge>
    );
  }
  if (item.progressPercent <= 0) return null;
  const percent = Math.min(100, Math.round(item.progressPercent));
  return (
    <div className="flex items-center gap-2" title={`${percent}% listened`}>
      <div
        role="progressbar"
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label="Listening progress"
        className="h-1.5 flex-1 overflow-hidden rounded-full bg-muted"
      >
        {/* An SVG width attribute rather than an inline style, so a strict style-src CSP needs no exception. */}
        <svg viewBox="0 0 100 4" preserveAspectRatio="none" className="block size-full" aria-hidden>
          <rect width={percent} height="4" fill="var(--primary)" />
        </svg>
      </div>
      <span className="text-xs tabular-nums text-muted-foreground">{percent}%</span>
    </div>
  );
}
