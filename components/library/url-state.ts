import {
  contentTypeSchema,
  librarySortSchema,
  listenStatusSchema,
  type LibraryListInput,
} from "@/lib/validation/library";

export type LibraryView = "grid" | "list";
export type LibraryUrlState = {
  input: Omit<LibraryListInput, "cursor" | "limit">;
  view: LibraryView;
};
type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() ? first.trim().slice(0, 300) : undefined;
}

/** The Library's whole state lives in the URL, so a filtered view can be shared, bookmarked and reloaded. */
export function readLibraryUrl(params: Params): LibraryUrlState {
  return {
    input: {
      search: read(params, "q"),
      status: listenStatusSchema.safeParse(read(params, "status")).data,
      contentType: contentTypeSchema.safeParse(read(params, "type")).data,
      author: read(params, "author"),
      series: read(params, "series"),
      removed: read(params, "removed") === "1",
      sort: librarySortSchema.safeParse(read(params, "sort")).data ?? "added",
    },
    view: read(params, "view") === "list" ? "list" : "grid",
  };
}

export function libraryHref(state: LibraryUrlState): string {
  const { input, view } = state;
  const entries: [string, string | undefined][] = [
    ["q", input.search],
    ["status", input.status],
    ["type", input.contentType],
    ["author", input.author],
    ["series", input.series],
    ["removed", input.removed ? "1" : undefined],
    ["sort", input.sort === "added" ? undefined : input.sort],
    ["view", view === "list" ? "list" : undefined],
  ];
  const query = new URLSearchParams(entries.filter((entry): entry is [string, string] => !!entry[1]));
  const text = query.toString();
  return text ? `/library?${text}` : "/library";
}

export function hasFilters(input: LibraryUrlState["input"]): boolean {
  return !!(
    input.search ||
    input.status ||
    input.contentType ||
    input.author ||
    input.series ||
    input.removed
  );
}
