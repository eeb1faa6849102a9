import { inApiKeyOrder } from "@/server/audible/api-key-order";
import type { Title } from "./generator";
import type { Entry } from "./library-store";

export type RenderContext = {
  title: Title;
  /** Absent for catalog products, which carry no owner state. */
  entry?: Entry;
  imageSizes: readonly string[];
  marketplaceId: string;
};

type FieldFn = (ctx: RenderContext) => unknown;

function image(id: string, size: string): string {
  return `https://m.media-amazon.com/images/I/${id}._SL${size}_.jpg`;
}

function distribution(average: number, count: number) {
  const fives = Math.round(count * 0.6);
  const fours = Math.round(count * 0.25);
  return {
    average_rating: average,
    display_average_rating: average.toFixed(1),
    display_stars: Math.round(average * 2) / 2,
    num_five_star_ratings: fives,
    num_four_star_ratings: fours,
    num_one_star_ratings: Math.round(count * 0.03),
    num_ratings: count,
    num_three_star_ratings: Math.round(count * 0.08),
    num_two_star_ratings: Math.max(0, count - fives - fours - Math.round(count * 0.11)),
  };
}

function relationships({ title }: RenderContext) {
  if (title.kind === "episode") {
    return [
      {
        asin: title.parentAsin,
        relationship_to_product: "parent",
        relationship_type: "episode",
        sequence: null,
        sku: null,
        sku_lite: null,
        sort: String(title.episodeNumber),
      },
    ];
  }
  const childType = title.kind === "podcast" ? "episode" : "component";
  const children = title.childAsins.map((asin, i) => ({
    asin,
    relationship_to_product: "child",
    relationship_type: childType,
    sequence: null,
    sku: null,
    sku_lite: null,
    sort: String(i + 1),
  }));
  const series = title.series.map((s) => ({
    asin: s.asin,
    relationship_to_product: "parent",
    relationship_type: "series",
    sequence: s.sequence,
    sku: null,
    sku_lite: null,
    sort: s.sequence || "0",
    title: s.title,
    url: s.url,
  }));
  return [...children, ...series];
}

function contentDeliveryType(title: Title): string {
  return {
    book: "SinglePartBook",
    multipart: "MultiPartBook",
    podcast: "PodcastParent",
    episode: "PodcastEpisode",
  }[title.kind];
}

function listeningStatus({ title, entry }: RenderContext) {
  if (!entry?.progress) return null;
  const { percent, finishedAt } = entry.progress;
  return {
    finished_at_timestamp: finishedAt,
    is_finished: finishedAt !== null,
    percent_complete: percent,
    time_remaining_seconds: Math.round(title.runtimeMin * 60 * (1 - percent / 100)),
  };
}

const isPodcast = (t: Title) => t.kind === "podcast" || t.kind === "episode";

export const FIELD_VALUES: Record<string, FieldFn> = {
  asin: ({ title }) => title.asin,
  purchase_date: ({ entry }) => entry?.purchaseDate ?? null,
  sku_lite: ({ title }) => title.sku,
  status: ({ entry }) => entry?.status ?? null,
  library_status: ({ entry }) =>
    entry
      ? {
          date_added: entry.purchaseDate,
          is_pending: false,
          is_preordered: null,
          is_removable: false,
          is_visible: true,
        }
      : null,
  authors: ({ title }) => title.authors,
  narrators: ({ title }) => title.narrators,
  publisher_name: ({ title }) => title.publisher,
  title: ({ title }) => title.title,
  subtitle: ({ title }) => title.subtitle,
  available_codecs: () => [
    { enhanced_codec: "LC_64_22050_stereo", format: "Enhanced", is_kindle_enhanced: true, name: "aax_22_64" },
  ],
  content_delivery_type: ({ title }) => contentDeliveryType(title),
  content_type: ({ title }) => (isPodcast(title) ? "Podcast" : "Product"),
  format_type: ({ title }) => title.formatType,
  has_children: ({ title }) => title.childAsins.length > 0,
  is_adult_product: () => false,
  is_listenable: () => true,
  issue_date: ({ title }) => title.releaseDate,
  language: ({ title }) => title.language,
  merchandising_summary: ({ title }) => title.summaryHtml,
  release_date: ({ title }) => title.releaseDate,
  runtime_length_min: ({ title }) => title.runtimeMin,
  thesaurus_subject_keywords: ({ title }) => [title.genre.child.name.toLowerCase().replaceAll(" ", "_")],
  publication_name: ({ title }) => title.series[0]?.title ?? null,
  content_rating: () => null,
  episode_count: ({ title }) => (title.kind === "podcast" ? title.childAsins.length : null),
  episode_number: ({ title }) => title.episodeNumber,
  episode_type: ({ title }) => (title.kind === "episode" ? "full" : null),
  publication_datetime: ({ title }) => `${title.releaseDate}T08:00:00Z`,
  publisher_summary: ({ title }) => title.summaryHtml,
  editorial_reviews: () => [""],
  audible_editors_summary: () => null,
  extended_product_description: ({ title }) => title.summaryHtml,
  isbn: ({ title }) => (title.asin.startsWith("17") ? `978${title.asin}` : null),
  copyright: ({ title }) =>
    `©${title.releaseDate.slice(0, 4)} ${title.authors[0]?.name ?? ""} (P)${title.releaseDate.slice(0, 4)} ${title.publisher}`,
  platinum_keywords: ({ title }) => [title.genre.name.replaceAll(" ", "_")],
  product_images: ({ title, imageSizes }) =>
    Object.fromEntries(imageSizes.map((size) => [size, image(title.imageId, size)])),
  series: ({ title }) => (title.series.length ? title.series : null),
  rating: ({ title }) => ({
    num_reviews: Math.round(title.ratingCount / 7),
    overall_distribution: distribution(title.ratingAverage, title.ratingCount),
    performance_distribution: distribution(Math.min(5, title.ratingAverage + 0.1), title.ratingCount),
    story_distribution: distribution(Math.max(1, title.ratingAverage - 0.1), title.ratingCount),
  }),
  provided_review: () => null,
  category_ladders: ({ title }) => [
    {
      ladder: [
        { id: title.genre.id, name: title.genre.name },
        { id: title.genre.child.id, name: title.genre.child.name },
      ],
      root: "Genres",
    },
  ],
  relationships,
  percent_complete: ({ entry }) => entry?.progress?.percent ?? 0,
  is_finished: ({ entry }) => Boolean(entry?.progress?.finishedAt),
  listening_status: listeningStatus,
  plans: ({ title }) =>
    title.plusEndDate
      ? [{ plan_name: "US Minerva", start_date: "2020-08-01T00:00:00.00000Z", end_date: title.plusEndDate }]
      : [
          {
            plan_name: "AccessViaMusic",
            start_date: "1970-01-01T00:00:00.00000Z",
            end_date: "2099-12-31T00:00:00.00000Z",
          },
        ],
  is_ayce: ({ title }) => title.plusEndDate !== null,
  customer_rights: ({ title }) => ({
    is_consumable: true,
    is_consumable_indefinitely: !title.plusEndDate,
    is_consumable_offline: true,
    is_consumable_until: title.plusEndDate,
  }),
  sample_url: ({ title }) =>
    `https://samples.audible.com/bk/simu/${title.sku.slice(-6)}/bk_simu_${title.sku.slice(-6)}_sample.mp3`,
  sku: ({ title }) => title.sku,
  origin_asin: ({ title }) => title.asin,
  origin_id: ({ title, entry }) =>
    entry ? `D01-${String(title.asin.length * 1234567).padStart(7, "0")}-${entry.index}` : null,
  origin_marketplace: ({ marketplaceId }) => marketplaceId,
  origin_type: ({ title }) =>
    title.plusEndDate ? "Subscription" : isPodcast(title) ? "AudibleChannels" : "Purchase",
  badge_types: () => null,
  pdf_url: () => null,
  is_pdf_url_available: () => false,
  price: () => null,
  customer_reviews: () => null,
  is_downloaded: () => false,
  is_returnable: ({ entry }) => entry?.status === "Active",
  is_removable: () => false,
  is_visible: () => true,
  is_playable: () => null,
  is_archived: () => null,
  is_in_wishlist: () => null,
  claim_code_url: () => null,
};

/**
 * An item's fields in the order the real API sends them: alphabetical, as in every captured response
 * (fixtures/), nested objects included. Clients that parse items into objects see the same shapes here as
 * from Audible, which matters to code the JIT optimised for one shape (the app's mapper thread).
 */
export function renderItem(ctx: RenderContext, fields: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of [...fields].sort()) {
    const fn = FIELD_VALUES[field];
    if (fn) out[field] = inApiKeyOrder(fn(ctx));
  }
  return out;
}
