import type { ExportRow } from "./library-rows";

/** Goodreads' own import template headers (goodreads.com/review/import); unknown columns are ignored there. */
export const GOODREADS_COLUMNS = [
  "Title",
  "Author",
  "Additional Authors",
  "ISBN",
  "My Rating",
  "Exclusive Shelf",
  "Date Read",
  "Date Added",
  "Publisher",
  "Binding",
] as const;

const SHELVES = { finished: "read", listening: "currently-reading", want_to_listen: "to-read" } as const;

function goodreadsDate(date: Date | null): string {
  if (!date) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}`;
}

/** Audible gives no ISBN for most titles; Goodreads matches on title and author when it is empty. */
export function toGoodreadsRow({
  media: m,
  mine,
}: ExportRow): Record<(typeof GOODREADS_COLUMNS)[number], string> {
  const [first, ...others] = m.authors.map((a) => a.name);
  return {
    Title: m.subtitle ? `${m.title}: ${m.subtitle}` : m.title,
    Author: first ?? "",
    "Additional Authors": others.join(", "),
    ISBN: "",
    "My Rating": mine.myRatingOverall ? String(Math.round(mine.myRatingOverall)) : "0",
    "Exclusive Shelf": SHELVES[mine.status],
    "Date Read": mine.status === "finished" ? goodreadsDate(mine.finishedAt) : "",
    "Date Added": goodreadsDate(mine.addedAt ?? mine.purchasedAt),
    Publisher: m.publisher ?? "",
    Binding: "Audiobook",
  };
}
