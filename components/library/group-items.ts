import type { LibraryListItem, LibrarySort } from "@/lib/validation/library";

export type ItemGroup = { key: string; title: string | null; items: LibraryListItem[] };

/**
 * Sorted by series, consecutive titles of one series share a heading; the server already ordered
 * them by position (2.5 before 10), so grouping only has to cut where the series changes.
 */
export function groupItems(items: LibraryListItem[], sort: LibrarySort): ItemGroup[] {
  if (sort !== "series") return [{ key: "all", title: null, items }];
  const groups: ItemGroup[] = [];
  for (const item of items) {
    const title = item.seriesTitle ?? "Not in a series";
    const current = groups.at(-1);
    if (current && current.title === title) current.items.push(item);
    else groups.push({ key: `${title}-${groups.length}`, title, items: [item] });
  }
  return groups;
}
