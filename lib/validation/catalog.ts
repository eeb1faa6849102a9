import { z } from "zod";
import { marketplaceSchema } from "./audible";

const asinSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{10}$/, "An ASIN is 10 letters and digits.");

export const CATALOG_PAGE_SIZE = 20;

export const catalogSearchInputSchema = z.object({
  q: z.string().trim().min(2, "Type at least 2 characters.").max(200),
  marketplace: marketplaceSchema,
  /** 0-based, as Audible counts. */
  page: z.number().int().min(0).max(99).default(0),
});
export type CatalogSearchInput = z.input<typeof catalogSearchInputSchema>;

export const catalogDetailsInputSchema = z.object({ asin: asinSchema, marketplace: marketplaceSchema });

export const playPlatformSchema = z.enum(["web", "ios", "android"]);
export type PlayPlatform = z.infer<typeof playPlatformSchema>;

export const playUrlInputSchema = z.object({
  asin: asinSchema,
  marketplace: marketplaceSchema,
  platform: playPlatformSchema,
});
export const playUrlOutputSchema = z.object({ url: z.string(), platform: playPlatformSchema });

export const catalogProductViewSchema = z.object({
  asin: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  authors: z.array(z.string()),
  narrators: z.array(z.string()),
  series: z.object({ title: z.string(), position: z.string().nullable() }).nullable(),
  runtimeMinutes: z.number().nullable(),
  releaseDate: z.string().nullable(),
  coverUrl: z.string().nullable(),
  rating: z.object({ average: z.number(), count: z.number().nullable() }).nullable(),
  owned: z.boolean(),
  /** The store page: the main way to open a title on Audible. */
  webUrl: z.string(),
});
export type CatalogProductView = z.infer<typeof catalogProductViewSchema>;

export const catalogSearchOutputSchema = z.object({
  products: z.array(catalogProductViewSchema),
  total: z.number().int().nullable(),
  page: z.number().int(),
  hasMore: z.boolean(),
});
export type CatalogSearchResult = z.infer<typeof catalogSearchOutputSchema>;
