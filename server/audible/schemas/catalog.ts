import { z } from "zod";
import { productFieldsSchema } from "./product";

export const catalogProductSchema = productFieldsSchema;
export type CatalogProduct = z.infer<typeof catalogProductSchema>;

export const catalogProductResponseSchema = z.looseObject({
  product: catalogProductSchema,
  response_groups: z.array(z.string()).nullish(),
});
export type CatalogProductResponse = z.infer<typeof catalogProductResponseSchema>;

export const catalogProductsResponseSchema = z.looseObject({
  products: z.array(catalogProductSchema).nullish(),
  response_groups: z.array(z.string()).nullish(),
  total_results: z.number().nullish(),
});
export type CatalogProductsResponse = z.infer<typeof catalogProductsResponseSchema>;

export const wishlistResponseSchema = z.looseObject({
  products: z.array(catalogProductSchema.extend({ added_timestamp: z.string().nullish() })).nullish(),
  total_results: z.number().nullish(),
  response_groups: z.array(z.string()).nullish(),
});
export type WishlistResponse = z.infer<typeof wishlistResponseSchema>;
