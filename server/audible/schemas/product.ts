import { z } from "zod";

/** Fields shared by library items and catalog products. Every field is optional: which ones appear depends on `response_groups`. */
const str = z.string().nullish();
const bool = z.boolean().nullish();

export const contributorSchema = z.looseObject({ asin: str, name: z.string() });
export type Contributor = z.infer<typeof contributorSchema>;

/** `sequence` is a string: "1", "2.5", "1-3", "" or missing. */
export const seriesSchema = z.looseObject({ asin: str, title: str, sequence: str, url: str });
export type Series = z.infer<typeof seriesSchema>;

export const relationshipSchema = z.looseObject({
  asin: z.string(),
  relationship_to_product: str,
  relationship_type: str,
  sequence: str,
  sku: str,
  sku_lite: str,
  sort: str,
  title: str,
  content_delivery_type: str,
  url: str,
});
export type Relationship = z.infer<typeof relationshipSchema>;

const distributionSchema = z.looseObject({
  average_rating: z.number().nullish(),
  display_average_rating: str,
  display_stars: z.number().nullish(),
  num_ratings: z.number().nullish(),
});

export const ratingSchema = z.looseObject({
  num_reviews: z.number().nullish(),
  overall_distribution: distributionSchema.nullish(),
  performance_distribution: distributionSchema.nullish(),
  story_distribution: distributionSchema.nullish(),
});

export const planSchema = z.looseObject({ plan_name: str, start_date: str, end_date: str });
export type Plan = z.infer<typeof planSchema>;

export const categoryLadderSchema = z.looseObject({
  root: str,
  ladder: z.array(z.looseObject({ id: str, name: z.string() })).nullish(),
});

export const listeningStatusSchema = z.looseObject({
  is_finished: bool,
  finished_at_timestamp: str,
  percent_complete: z.number().nullish(),
  time_remaining_seconds: z.number().nullish(),
});
export type ListeningStatus = z.infer<typeof listeningStatusSchema>;

export const productFieldsSchema = z.looseObject({
  asin: z.string(),
  title: str,
  subtitle: str,
  authors: z.array(contributorSchema).nullish(),
  narrators: z.array(contributorSchema).nullish(),
  publisher_name: str,
  publisher_summary: str,
  merchandising_summary: str,
  extended_product_description: str,
  series: z.array(seriesSchema).nullish(),
  relationships: z.array(relationshipSchema).nullish(),
  runtime_length_min: z.number().nullish(),
  release_date: str,
  issue_date: str,
  publication_datetime: str,
  language: str,
  format_type: str,
  content_type: str,
  content_delivery_type: str,
  has_children: bool,
  episode_count: z.number().nullish(),
  episode_number: z.number().nullish(),
  episode_type: str,
  product_images: z.record(z.string(), z.string()).nullish(),
  rating: ratingSchema.nullish(),
  plans: z.array(planSchema).nullish(),
  category_ladders: z.array(categoryLadderSchema).nullish(),
  thesaurus_subject_keywords: z.array(z.string()).nullish(),
  platinum_keywords: z.array(z.string()).nullish(),
  is_adult_product: bool,
  is_listenable: bool,
  isbn: str,
  copyright: str,
  sku: str,
  sku_lite: str,
  sample_url: str,
  listening_status: listeningStatusSchema.nullish(),
});
export type ProductFields = z.infer<typeof productFieldsSchema>;
