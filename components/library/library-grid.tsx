import Link from "next/link";
import type { LibraryListItem } from "@/lib/validation/library";
import { Cover } from "./cover";
import { seriesLabel } from "./format";
import { ItemProgress } from "./item-progress";

export function LibraryGrid({ items }: { items: LibraryListItem[] }) {
  return (
    <ul className="grid grid-cols-2 gap-x-4 gap-y-6 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6">
      {items.map((item) => (
        // content-visibility lets the browser skip laying out off-screen tiles of a long library.
        <li key={item.id} className="[contain-intrinsic-size:auto_320px] [content-visibility:auto]">
          <Link href={`/library/${item.id}`} className="group block rounded-md focus-visible:outline-none">
            <Cover
              url={item.coverUrl}
              title={item.title}
              className="shadow-sm ring-1 ring-border transition group-hover:shadow-md group-focus-visible:ring-2 group-focus-visible:ring-ring"
            />
            <div className="mt-2 space-y-1">
              <p className="line-clamp-2 text-sm leading-snug font-medium group-hover:underline">
                {item.title}
              </p>
              <p className="truncate text-xs text-muted-foreground">
                {item.authors.join(", ") || "Unknown author"}
              </p>
              {item.seriesTitle ? (
                <p className="truncate text-xs text-muted-foreground">
                  {[seriesLabel(item.seriesSequence), item.seriesTitle].filter(Boolean).join(" · ")}
                </p>
              ) : null}
              <div className="min-h-5 pt-0.5">
                <ItemProgress item={item} />
              </div>
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
