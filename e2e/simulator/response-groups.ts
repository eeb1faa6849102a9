/**
 * Which item keys each response group adds (protocol §6.3, checked against the captured items).
 * The conformance test asserts every key here exists in a real response for the same groups.
 */
export const ALWAYS_FIELDS = ["asin", "purchase_date", "sku_lite", "status", "library_status"] as const;

export const GROUP_FIELDS = {
  contributors: ["authors", "narrators", "publisher_name"],
  product_desc: ["title", "subtitle"],
  product_attrs: [
    "available_codecs",
    "content_delivery_type",
    "content_type",
    "format_type",
    "has_children",
    "is_adult_product",
    "is_listenable",
    "issue_date",
    "language",
    "merchandising_summary",
    "release_date",
    "runtime_length_min",
    "thesaurus_subject_keywords",
    "publication_name",
    "content_rating",
    "episode_count",
    "episode_number",
    "episode_type",
    "publication_datetime",
  ],
  product_extended_attrs: [
    "publisher_summary",
    "editorial_reviews",
    "audible_editors_summary",
    "extended_product_description",
  ],
  product_details: ["isbn", "copyright", "platinum_keywords"],
  media: ["product_images"],
  series: ["series"],
  rating: ["rating"],
  provided_review: ["provided_review"],
  categories: ["category_ladders"],
  category_ladders: ["category_ladders"],
  relationships: ["relationships"],
  percent_complete: ["percent_complete"],
  is_finished: ["is_finished"],
  listening_status: ["listening_status"],
  product_plans: ["plans", "is_ayce"],
  product_plan_details: ["plans", "is_ayce"],
  customer_rights: ["customer_rights"],
  sample: ["sample_url"],
  sku: ["sku"],
  origin_asin: ["origin_asin", "origin_id", "origin_marketplace", "origin_type"],
  origin: ["origin_asin", "origin_id", "origin_marketplace", "origin_type"],
  badge_types: ["badge_types"],
  pdf_url: ["pdf_url", "is_pdf_url_available"],
  price: ["price"],
  reviews: ["customer_reviews"],
  is_downloaded: ["is_downloaded"],
  is_returnable: ["is_returnable"],
  is_removable: ["is_removable"],
  is_visible: ["is_visible"],
  is_playable: ["is_playable"],
  is_archived: ["is_archived"],
  in_wishlist: ["is_in_wishlist"],
  claim_code_url: ["claim_code_url"],
  library_status: ["library_status"],
  order_details: [],
  periodicals: [],
  ws4v: [],
  review_attrs: [],
} as const satisfies Record<string, readonly string[]>;

export type ResponseGroup = keyof typeof GROUP_FIELDS;

/** Without `response_groups` the API still returns a broad default set (AudibleApi README). */
export const DEFAULT_FIELDS = [
  "authors",
  "narrators",
  "title",
  "subtitle",
  "product_images",
  "publisher_name",
  "release_date",
  "runtime_length_min",
  "language",
  "content_type",
  "content_delivery_type",
  "format_type",
  "has_children",
] as const;

export function isResponseGroup(value: string): value is ResponseGroup {
  return Object.hasOwn(GROUP_FIELDS, value);
}

/** Comma list, whitespace-tolerant; returns the unknown names so the caller can refuse them. */
export function parseGroups(raw: string | null): { groups: ResponseGroup[]; unknown: string[] } {
  const names = (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !isResponseGroup(n));
  return { groups: names.filter(isResponseGroup), unknown };
}

export function fieldsFor(groups: readonly ResponseGroup[], explicit: boolean): Set<string> {
  const fields = new Set<string>(ALWAYS_FIELDS);
  if (!explicit) for (const f of DEFAULT_FIELDS) fields.add(f);
  for (const g of groups) for (const f of GROUP_FIELDS[g]) fields.add(f);
  return fields;
}
