import Link from "next/link";
import { contentTypeLabels, type LibraryListItem } from "@/lib/validation/library";
import { Cover } from "./cover";
import { formatRuntime, seriesLabel } from "./format";
import { ItemProgress } from "./item-progress";

export function LibraryRows({ items }: { items: LibraryListItem[] }) {
  return (
    <ul className="divide-y rounded-xl border bg-card">
      {items.map((item) => (
        <li key={item.id} className="[contain-intrinsic-size:auto_80px] [content-visibility:auto]">
          <Link
            href={`/library/${item.id}`}
            className="flex items-center gap-4 px-4 py-3 transition-colors hover:bg-muted/60 focus-visible:bg-muted focus-visible:outline-none"
          >
            <Cover url={item.coverUrl} title={item.title} className="size-14 shrink-0" />
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium">{item.title}</p>
              <p className="truncate text-xs text-muted-foreground">
                {item.authors.join(", ") || "Unknown author"}
                {item.narrators.length ? ` · read by ${item.narrators.join(", ")}` : ""}
              </p>
              {item.seriesTitle ? (
                <p className="truncate text-xs text-muted-foreground">
                  {[item.seriesTitle, seriesLabel(item.seriesSequence)].filter(Boolean).join(", ")}
                </p>
              ) : null}
            </div>
            <div className="hidden w-24 shrink-0 text-right text-xs text-muted-foreground sm:block">
              {item.contentType === "book"
                ? formatRuntime(item.runtimeMinutes)
                : contentTypeLabels[item.contentType]}
            </div>
            <div className="w-32 shrink-0">
              <ItemProgress item={item} />
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
