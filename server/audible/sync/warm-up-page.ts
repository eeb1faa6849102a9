/**
 * A made-up library page in the API's shape, for the mapper thread to map before the first real page
 * (map-worker.ts). Its titles vary the way a real library does, so every path of the mapper is run
 * (books, multi-part books, podcasts and episodes, one or two series, sequences like "2.5", markup the fast
 * sanitizer takes and markup only the parser does, entities, non-Latin text, Plus plans, ratings given
 * and not, progress from listening_status and from percent_complete, finished and not).
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

function distribution(average: number) {
  return { average_rating: average, display_average_rating: average.toFixed(1), num_ratings: 1200 };
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
  return {
    asin,
    title,
    subtitle: index % 2 ? `Book ${index}` : null,
    status: index % 11 === 0 ? "Revoked" : "Active",
    purchase_date: date,
    library_status: { date_added: date, is_visible: true },
    authors: [
      { asin: `B0AUTH${index % 9}`, name: `Author ${index % 9}` },
      { asin: null, name: "Ann Other" },
    ],
    narrators: [{ asin: null, name: `Narrator ${index % 5}` }],
    publisher_name: "Warm-up Books",
    product_images: { "500": `https://m.media-amazon.com/images/I/${asin}._SL500_.jpg`, "1215": "" },
    content_delivery_type: kind,
    content_type: kind === "PodcastEpisode" ? "Episode" : kind === "PodcastParent" ? "Podcast" : "Product",
    format_type: "unabridged",
    language: index % 2 ? "english" : "German",
    release_date: date.slice(0, 10),
    issue_date: date.slice(0, 10),
    runtime_length_min: kind === "PodcastParent" ? 0 : 300 + index,
    merchandising_summary: summary.slice(0, 40),
    publisher_summary: summary,
    extended_product_description: index % 2 ? summary : null,
    plans: [
      { plan_name: index % 4 ? "AccessViaMusic" : "US Minerva", end_date: "2099-12-31T00:00:00.00000Z" },
    ],
    is_ayce: index % 8 === 0,
    customer_rights: { is_consumable_until: index % 8 === 0 ? "2030-01-01T00:00:00Z" : null },
    rating: { overall_distribution: distribution(4.5), performance_distribution: distribution(4.2) },
    provided_review: index % 6 === 0 ? { ratings: { overall_rating: 4, story_rating: 0 } } : null,
    series: series.length ? series : null,
    relationships:
      kind === "PodcastEpisode"
        ? [{ asin: "B0WARMPARENT", relationship_to_product: "parent", relationship_type: "episode" }]
        : series.map((entry) => ({
            ...entry,
            relationship_to_product: "parent",
            relationship_type: "series",
          })),
    category_ladders: [
      {
        root: "Genres",
        ladder: [
          { id: "1", name: "Fantasy" },
          { id: "2", name: "Epic" },
        ],
      },
    ],
    origin_type: "Purchase",
    percent_complete: finished ? 100 : index % 7 === 0 ? 0 : index % 100,
    is_finished: finished,
    listening_status:
      index % 3 === 1
        ? {
            is_finished: finished,
            percent_complete: index % 100,
            finished_at_timestamp: finished ? date : null,
          }
        : null,
  };
}

/** `size` titles as the body of one library page. */
export function warmUpPage(size: number): Uint8Array {
  const items = Array.from({ length: size }, (_, index) => item(index));
  return new TextEncoder().encode(JSON.stringify({ items, response_groups: ["product_desc"] }));
}
