/** Every group the mapper reads; the sync should request exactly these so no mapped field comes back empty. */
export const LIBRARY_SYNC_RESPONSE_GROUPS = [
  "contributors",
  "media",
  "product_attrs",
  "product_desc",
  "product_extended_attrs",
  "product_plans",
  "customer_rights",
  "rating",
  "provided_review",
  "series",
  "relationships",
  "category_ladders",
  "origin_asin",
  "percent_complete",
  "is_finished",
  "listening_status",
] as const;

export const LIBRARY_SYNC_IMAGE_SIZES = ["500", "1215"] as const;
