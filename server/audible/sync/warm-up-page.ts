import { inApiKeyOrder } from "../api-key-order";

/**
 * A made-up library page in the API's shape, for the mapper thread to map before the first real page
 * (map-worker.ts). Its titles vary the way a real library does, so every path of the mapper is run
 * (books, multi-part books, podcasts and episodes, one or two series, sequences like "2.5", markup the fast
 * sanitizer takes and markup only the parser does, entities, non-Latin text, Plus plans, ratings given
 * and not, progress from listening_status and from percent_complete, finished and not).
 *
 * Each title also carries every field the sync's response groups bring, keys in the API's alphabetical order
 * at every level (as all captured responses have them). JSON.parse gives objects of one key order one hidden
 * class; code the JIT had optimised for another shape was thrown away and compiled again while the first
 * real pages mapped.
 */
const KINDS = ["SinglePartBook", "MultiPartBook", "PodcastParent", "PodcastEpisode"] as const;
const SEQUENCES = ["1", "2.5", "10", "1-3", ""];
const SUMMARIES = [
  (title: string) => `<p><b>${title}</b> is a story about kingdoms.</p> <p>Unabridged edition.</p>`,
  (title: string) =>
    `<p>${title} — une histoire d’été &amp; de “rivières”.</p><br><ul><li>Part one</li></ul>`,
  (title: string) =>
    `<div class="x"><p>${title}</p><a href="https://example.com/x">more</a><script>x</script>`,
  (title: string) => `${title}: 冒険の物語。<i>全集</i>`,
];

function distribution(average: number, count: number) {
  return {
    average_rating: average,
    display_average_rating: average.toFixed(1),
    display_stars: Math.round(average * 2) / 2,
    num_five_star_ratings: Math.round(count * 0.6),
    num_four_star_ratings: Math.round(count * 0.25),
    num_one_star_ratings: Math.round(count * 0.03),
    num_ratings: count,
    num_three_star_ratings: Math.round(count * 0.08),
    num_two_star_ratings: Math.round(count * 0.04),
  };
}

function item(index: number) {
  const kind = KINDS[index % 4]!;
  const asin = `B0WARM${String(index).padStart(4, "0")}`;
  const title = `Warm-up Title ${index}`;
  const summary = SUMMARIES[index % SUMMARIES.length]!(title);
  const date = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString();
  const series = Array.from({ length: index % 3 === 0 ? 0 : index % 3 }, (_, n) => ({
    asin: `B0SERIES${n}${index % 7}`,
    sequence: SEQUENCES[(index + n) % SEQUENCES.length],
    title: `Saga ${n}`,
    url: `/pd/Saga-${n}`,
  }));
  const finished = index % 5 === 0;
  // Whole and fractional numbers alike, as Audible sends them: V8 stores a field that has only seen small
  // integers differently, and code optimised for that is thrown away at the first fraction.
  const percent = finished ? 100 : index % 7 === 0 ? 0 : (index % 100) + (index % 2 ? 0.25 : 0);
  const rating = 3 + (index % 20) / 10;
  return {
    asin,
    audible_editors_summary: null,
    authors: [
      { asin: `B0AUTH${index % 9}`, name: `Author ${index % 9}` },
      { asin: null, name: "Ann Other" },
    ],
    available_codecs: [
      {
        enhanced_codec: "LC_64_22050_stereo",
        format: "Enhanced",
        is_kindle_enhanced: true,
        name: "aax_22_64",
      },
    ],
    category_ladders: [
      {
        ladder: [
          { id: "1", name: "Fantasy" },
          { id: "2", name: "Epic" },
        ],
        root: "Genres",
      },
    ],
    content_delivery_type: kind,
    content_rating: null,
    content_type: kind === "PodcastEpisode" ? "Episode" : kind === "PodcastParent" ? "Podcast" : "Product",
    customer_rights: {
      is_consumable: true,
      is_consumable_indefinitely: index % 8 !== 0,
      is_consumable_offline: true,
      is_consumable_until: index % 8 === 0 ? "2030-01-01T00:00:00Z" : null,
    },
    editorial_reviews: [""],
    episode_count: kind === "PodcastParent" ? 3 : null,
    episode_number: kind === "PodcastEpisode" ? index % 50 : null,
    episode_type: kind === "PodcastEpisode" ? "full" : null,
    extended_product_description: index % 2 ? summary : null,
    format_type: "unabridged",
    has_children: kind === "PodcastParent",
    is_adult_product: false,
    is_ayce: index % 8 === 0,
    is_finished: finished,
    is_listenable: true,
    issue_date: date.slice(0, 10),
    language: index % 2 ? "english" : "German",
    library_status: {
      date_added: date,
      is_pending: false,
      is_preordered: null,
      is_removable: false,
      is_visible: true,
    },
    listening_status:
      index % 3 === 1
        ? {
            finished_at_timestamp: finished ? date : null,
            is_finished: finished,
            percent_complete: percent,
            time_remaining_seconds: finished ? 0 : 3600 + index,
          }
        : null,
    merchandising_summary: summary.slice(0, 40),
    narrators: [{ asin: null, name: `Narrator ${index % 5}` }],
    origin_asin: asin,
    origin_id: `D01-0000000-${index}`,
    origin_marketplace: "AF2M0KC94RCEA",
    origin_type: "Purchase",
    percent_complete: percent,
    plans: [
      {
        end_date: "2099-12-31T00:00:00.00000Z",
        plan_name: index % 4 ? "AccessViaMusic" : "US Minerva",
        start_date: "1970-01-01T00:00:00.00000Z",
      },
    ],
    product_images: { "500": `https://m.media-amazon.com/images/I/${asin}._SL500_.jpg`, "1215": "" },
    provided_review: index % 6 === 0 ? { ratings: { overall_rating: 4, story_rating: 0 } } : null,
    publication_datetime: `${date.slice(0, 10)}T08:00:00Z`,
    publication_name: series[0]?.title ?? null,
    publisher_name: "Warm-up Books",
    publisher_summary: summary,
    purchase_date: date,
    rating: {
      num_reviews: 100 + index,
      overall_distribution: distribution(rating, 1200 + index),
      performance_distribution: distribution(Math.min(5, rating + 0.1), 1200 + index),
      story_distribution: distribution(Math.max(1, rating - 0.1), 1200 + index),
    },
    relationships:
      kind === "PodcastEpisode"
        ? [{ asin: "B0WARMPARENT", relationship_to_product: "parent", relationship_type: "episode" }]
        : series.map((entry) => ({
            ...entry,
            relationship_to_product: "parent",
            relationship_type: "series",
            sku: null,
            sku_lite: null,
            sort: entry.sequence,
          })),
    release_date: date.slice(0, 10),
    runtime_length_min: kind === "PodcastParent" ? 0 : 300 + index,
    series: series.length ? series : null,
    sku_lite: `BK_WARM_${index}`,
    status: index % 11 === 0 ? "Revoked" : "Active",
    subtitle: index % 2 ? `Book ${index}` : null,
    thesaurus_subject_keywords: ["literature_&_fiction"],
    title,
  };
}

/** `size` titles as the body of one library page. */
export function warmUpPage(size: number): Uint8Array {
  const items = Array.from({ length: size }, (_, index) => inApiKeyOrder(item(index)));
  return new TextEncoder().encode(JSON.stringify({ items, response_groups: ["product_desc"] }));
}
