import { z } from "zod";
import { productFieldsSchema } from "./product";

export const libraryStatusSchema = z.looseObject({
  date_added: z.string().nullish(),
  is_pending: z.boolean().nullish(),
  is_preordered: z.boolean().nullish(),
  is_removable: z.boolean().nullish(),
  is_visible: z.boolean().nullish(),
});

export const libraryItemSchema = productFieldsSchema.extend({
  purchase_date: z.string().nullish(),
  status: z.string().nullish(),
  library_status: libraryStatusSchema.nullish(),
  percent_complete: z.number().nullish(),
  is_finished: z.boolean().nullish(),
  is_ayce: z.boolean().nullish(),
  is_downloaded: z.boolean().nullish(),
  origin_asin: z.string().nullish(),
  origin_id: z.string().nullish(),
  origin_marketplace: z.string().nullish(),
  origin_type: z.string().nullish(),
  provided_review: z.looseObject({}).nullish(),
  pdf_url: z.string().nullish(),
  customer_rights: z.looseObject({}).nullish(),
});
export type LibraryItem = z.infer<typeof libraryItemSchema>;

/** `items` can be null on very deep pages (AudibleApi note), so callers must handle it. */
export const libraryListResponseSchema = z.looseObject({
  items: z.array(libraryItemSchema).nullish(),
  response_groups: z.array(z.string()).nullish(),
  message: z.string().nullish(),
});
export type LibraryListResponse = z.infer<typeof libraryListResponseSchema>;

/**
 * How a sync reads a library page: the envelope is checked, each item only later, field by field, by the
 * mapper's lenient readers (server/audible/map). Checking every field of 1,000 items here cost more than
 * mapping them, and one odd item refused the whole page and so the whole run; now it is that title's failure.
 */
export const libraryPageSchema = z.looseObject({
  items: z.array(z.unknown()).nullish(),
  response_groups: z.array(z.string()).nullish(),
});

export const libraryItemResponseSchema = z.looseObject({
  item: libraryItemSchema,
  response_groups: z.array(z.string()).nullish(),
});
export type LibraryItemResponse = z.infer<typeof libraryItemResponseSchema>;
