"use client";

import { Loader2, SearchX } from "lucide-react";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { api } from "@/lib/trpc/react";
import type { LibraryFacets } from "@/lib/validation/library";
import { formatCount } from "./format";
import { groupItems } from "./group-items";
import { LibraryGrid } from "./library-grid";
import { LibraryRows } from "./library-rows";
import { LibraryToolbar } from "./library-toolbar";
import { hasFilters, libraryHref, readLibraryUrl, type LibraryUrlState } from "./url-state";

export function LibraryView({ facets }: { facets: LibraryFacets }) {
  const router = useRouter();
  const params = useSearchParams();
  const state = useMemo(() => readLibraryUrl(new URLSearchParams(params.toString())), [params]);
  const query = api.library.list.useInfiniteQuery(state.input, {
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: (previous) => previous,
  });
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  // Scrolling near the end loads the next page; the button stays for keyboards and for browsers without the observer.
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasNextPage) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: "800px 0px" },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const navigate = (next: LibraryUrlState) => router.replace(libraryHref(next), { scroll: false });
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total;
  const groups = items.length ? groupItems(items, state.input.sort ?? "added") : [];

  return (
    <div>
      <LibraryToolbar state={state} facets={facets} onChange={navigate} />
      <p className="mb-4 text-sm text-muted-foreground" aria-live="polite">
        {total
          ? `${formatCount(total.count)}${total.capped ? "+" : ""} ${total.count === 1 ? "title" : "titles"}`
          : query.isPending
            ? "Loading…"
            : null}
      </p>
      {query.isError ? (
        <p role="alert" className="text-sm text-destructive">
          Your library could not be loaded. Please try again in a moment.
        </p>
      ) : null}
      {!query.isPending && items.length === 0 && !query.isError ? (
        <EmptyState
          icon={SearchX}
          title={
            state.input.search ? `No titles match “${state.input.search}”` : "No titles match these filters"
          }
          action={
            hasFilters(state.input) ? (
              <Button
                variant="secondary"
                onClick={() => navigate({ view: state.view, input: { sort: state.input.sort } })}
              >
                Clear search and filters
              </Button>
            ) : null
          }
        >
          Search looks at titles, authors, narrators and series. Try fewer words or another filter.
        </EmptyState>
      ) : null}
      <div className="space-y-8">
        {groups.map((group) => (
          <section key={group.key} aria-label={group.title ?? "Titles"}>
            {group.title ? <h2 className="mb-3 text-base font-semibold">{group.title}</h2> : null}
            {state.view === "list" ? (
              <LibraryRows items={group.items} />
            ) : (
              <LibraryGrid items={group.items} />
            )}
          </section>
        ))}
      </div>
      <div ref={sentinel} className="mt-8 flex justify-center">
        {hasNextPage ? (
          <Button variant="secondary" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
            {isFetchingNextPage ? <Loader2 className="animate-spin" aria-hidden /> : null}
            Load more
          </Button>
        ) : null}
      </div>
    </div>
  );
}
