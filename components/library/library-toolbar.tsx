"use client";

import { LayoutGrid, List, Search } from "lucide-react";
import { useEffect, useState } from "react";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/lib/cn";
import {
  CONTENT_TYPES,
  LIBRARY_SORTS,
  LISTEN_STATUSES,
  contentTypeLabels,
  librarySortLabels,
  listenStatusLabels,
  type LibraryFacets,
} from "@/lib/validation/library";
import type { LibraryUrlState } from "./url-state";

const ALL = "__all";
const SEARCH_DEBOUNCE_MS = 300;

type Props = { state: LibraryUrlState; facets: LibraryFacets; onChange: (next: LibraryUrlState) => void };

export function LibraryToolbar({ state, facets, onChange }: Props) {
  const { input, view } = state;
  const [search, setSearch] = useState(input.search ?? "");
  const set = (patch: Partial<LibraryUrlState["input"]>) => onChange({ view, input: { ...input, ...patch } });

  // A search changed from outside (the clear button, back navigation) shows up in the box.
  useEffect(() => {
    setSearch((current) => (current.trim() === (input.search ?? "") ? current : (input.search ?? "")));
  }, [input.search]);

  // Typing fires one URL change after a pause, not one per key; only the typed text restarts the pause.
  useEffect(() => {
    if (search.trim() === (input.search ?? "")) return;
    const timer = setTimeout(() => set({ search: search.trim() || undefined }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]);

  const removedValue = input.removed ? "removed" : ALL;
  return (
    <div className="mb-6 space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <label className="relative min-w-56 flex-1">
          <span className="sr-only">Search your library</span>
          <Search
            className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
            aria-hidden
          />
          <Input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="Search title, author, narrator or series"
            className="pl-9"
            maxLength={200}
          />
        </label>
        <FilterSelect
          label="Sort"
          value={input.sort ?? "added"}
          options={LIBRARY_SORTS.map((sort) => [sort, librarySortLabels[sort]])}
          onValueChange={(sort) => set({ sort: sort as (typeof LIBRARY_SORTS)[number] })}
          className="w-40"
        />
        <div role="group" aria-label="View" className="flex rounded-md border bg-card p-0.5">
          {(
            [
              ["grid", "Cover grid", LayoutGrid],
              ["list", "List", List],
            ] as const
          ).map(([value, label, Icon]) => (
            <button
              key={value}
              type="button"
              aria-label={label}
              aria-pressed={view === value}
              onClick={() => onChange({ input, view: value })}
              className={cn(
                "grid size-8 place-items-center rounded text-muted-foreground hover:text-foreground",
                view === value && "bg-muted text-foreground",
              )}
            >
              <Icon className="size-4" aria-hidden />
            </button>
          ))}
        </div>
      </div>
      <div className="flex flex-wrap gap-2">
        <FilterSelect
          label="Status"
          value={input.status ?? ALL}
          options={[[ALL, "Any status"], ...LISTEN_STATUSES.map((s) => [s, listenStatusLabels[s]] as const)]}
          onValueChange={(value) =>
            set({ status: value === ALL ? undefined : (value as typeof input.status) })
          }
        />
        <FilterSelect
          label="Type"
          value={input.contentType ?? ALL}
          options={[[ALL, "All types"], ...CONTENT_TYPES.map((t) => [t, contentTypeLabels[t]] as const)]}
          onValueChange={(value) =>
            set({ contentType: value === ALL ? undefined : (value as typeof input.contentType) })
          }
        />
        <FilterSelect
          label="Author"
          value={input.author ?? ALL}
          options={[[ALL, "All authors"], ...withSelected(facets.authors, input.author)]}
          onValueChange={(value) => set({ author: value === ALL ? undefined : value })}
          className="w-48"
        />
        <FilterSelect
          label="Series"
          value={input.series ?? ALL}
          options={[[ALL, "All series"], ...withSelected(facets.series, input.series)]}
          onValueChange={(value) => set({ series: value === ALL ? undefined : value })}
          className="w-48"
        />
        <FilterSelect
          label="Returned"
          value={removedValue}
          options={[
            [ALL, "In library"],
            ["removed", "Returned or removed"],
          ]}
          onValueChange={(value) => set({ removed: value === "removed" })}
        />
      </div>
    </div>
  );
}

/** A filter chosen from a link (a title page's series) may be outside the top list; keep it selectable. */
function withSelected(facets: LibraryFacets["authors"], selected: string | undefined) {
  const options: [string, string][] = facets.map((facet) => [facet.name, `${facet.name} (${facet.count})`]);
  if (selected && !facets.some((facet) => facet.name === selected)) options.unshift([selected, selected]);
  return options;
}

function FilterSelect({
  label,
  value,
  options,
  onValueChange,
  className,
}: {
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onValueChange: (value: string) => void;
  className?: string;
}) {
  return (
    <Select value={value} onValueChange={onValueChange}>
      <SelectTrigger aria-label={label} className={cn("w-auto min-w-36", className)}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {options.map(([optionValue, optionLabel]) => (
          <SelectItem key={optionValue} value={optionValue}>
            {optionLabel}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
