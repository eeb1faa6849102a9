import { z } from "zod";

export const LISTEN_STATUSES = ["want_to_listen", "listening", "finished"] as const;
export const CONTENT_TYPES = ["book", "podcast", "episode"] as const;
export const LIBRARY_SORTS = ["added", "title", "author", "series", "progress", "length"] as const;
export const LIBRARY_PAGE_SIZE = 48;
export const LIBRARY_MAX_PAGE_SIZE = 100;

export const listenStatusSchema = z.enum(LISTEN_STATUSES);
export const contentTypeSchema = z.enum(CONTENT_TYPES);
export const librarySortSchema = z.enum(LIBRARY_SORTS);
export type ListenStatus = z.infer<typeof listenStatusSchema>;
export type ContentType = z.infer<typeof contentTypeSchema>;
export type LibrarySort = z.infer<typeof librarySortSchema>;

export const listenStatusLabels = {
  want_to_listen: "Want to listen",
  listening: "Listening",
  finished: "Finished",
} as const satisfies Record<ListenStatus, string>;

export const contentTypeLabels = {
  book: "Books",
  podcast: "Podcasts",
  episode: "Episodes",
} as const satisfies Record<ContentType, string>;

export const librarySortLabels = {
  added: "Recently added",
  title: "Title",
  author: "Author",
  series: "Series order",
  progress: "Progress",
  length: "Length",
} as const satisfies Record<LibrarySort, string>;

const nameSchema = z.string().trim().min(1).max(300);

export const libraryFiltersSchema = z.object({
  search: z.string().trim().max(200).optional(),
  status: listenStatusSchema.optional(),
  contentType: contentTypeSchema.optional(),
  author: nameSchema.optional(),
  series: nameSchema.optional(),
  // Returned titles are hidden unless asked for; then only they are shown.
  removed: z.boolean().default(false),
});

export const libraryListInputSchema = libraryFiltersSchema.extend({
  sort: librarySortSchema.default("added"),
  limit: z.number().int().min(1).max(LIBRARY_MAX_PAGE_SIZE).default(LIBRARY_PAGE_SIZE),
  // Opaque keyset cursor from the previous page's `nextCursor`; useInfiniteQuery passes null for the first page.
  cursor: z.string().max(2048).nullish(),
});
export type LibraryListInput = z.input<typeof libraryListInputSchema>;
export type LibraryListQuery = z.output<typeof libraryListInputSchema>;

export const libraryListItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  authors: z.array(z.string()),
  narrators: z.array(z.string()),
  seriesTitle: z.string().nullable(),
  seriesSequence: z.string().nullable(),
  coverUrl: z.string().nullable(),
  runtimeMinutes: z.number().int().nullable(),
  contentType: contentTypeSchema,
  status: listenStatusSchema,
  progressPercent: z.number(),
  finishedAt: z.date().nullable(),
  addedAt: z.date().nullable(),
  removedAt: z.date().nullable(),
});
export type LibraryListItem = z.infer<typeof libraryListItemSchema>;

export const libraryListOutputSchema = z.object({
  items: z.array(libraryListItemSchema),
  nextCursor: z.string().nullable(),
  // Counted on the first page only, and only up to a cap, so paging never pays for a full count.
  total: z.object({ count: z.number().int(), capped: z.boolean() }).nullable(),
});
export type LibraryListOutput = z.infer<typeof libraryListOutputSchema>;

const contributorSchema = z.object({ asin: z.string().nullable(), name: z.string() });

export const libraryItemInputSchema = z.object({ id: z.string().min(1).max(100) });
export const libraryItemOutputSchema = libraryListItemSchema.extend({
  asin: z.string(),
  marketplace: z.string(),
  authors: z.array(contributorSchema),
  narrators: z.array(contributorSchema),
  series: z.array(
    z.object({
      asin: z.string().nullable(),
      title: z.string(),
      sequence: z.string(),
      sortKey: z.number().nullable(),
    }),
  ),
  releaseDate: z.string().nullable(),
  publisher: z.string().nullable(),
  language: z.string().nullable(),
  formatType: z.string().nullable(),
  genres: z.array(z.string()),
  ratings: z.object({
    overall: z.number().nullable(),
    performance: z.number().nullable(),
    story: z.number().nullable(),
    count: z.number().int().nullable(),
  }),
  myRatings: z.object({
    overall: z.number().nullable(),
    performance: z.number().nullable(),
    story: z.number().nullable(),
  }),
  descriptionHtml: z.string().nullable(),
  purchasedAt: z.date().nullable(),
  planEndsAt: z.date().nullable(),
  isPlusCatalog: z.boolean(),
  audibleUrl: z.url().nullable(),
});
export type LibraryItem = z.infer<typeof libraryItemOutputSchema>;

const facetSchema = z.object({ name: z.string(), count: z.number().int() });
export const libraryFacetsOutputSchema = z.object({
  totalTitles: z.number().int(),
  authors: z.array(facetSchema),
  series: z.array(facetSchema),
});
export type LibraryFacets = z.infer<typeof libraryFacetsOutputSchema>;

const rankedSchema = z.object({ name: z.string(), titles: z.number().int(), minutes: z.number().int() });
export const libraryStatsOutputSchema = z.object({
  totalTitles: z.number().int(),
  totalMinutes: z.number().int(),
  byStatus: z.array(
    z.object({ status: listenStatusSchema, titles: z.number().int(), minutes: z.number().int() }),
  ),
  finishedByMonth: z.array(
    z.object({ month: z.string(), titles: z.number().int(), minutes: z.number().int() }),
  ),
  topAuthorsByTitles: z.array(rankedSchema),
  topAuthorsByHours: z.array(rankedSchema),
  topNarratorsByTitles: z.array(rankedSchema),
  topNarratorsByHours: z.array(rankedSchema),
  inProgress: z.object({ titles: z.number().int(), minutesLeft: z.number().int() }),
});
export type LibraryStats = z.infer<typeof libraryStatsOutputSchema>;
