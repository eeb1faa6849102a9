import { people } from "../cells";
import { RowReader } from "../row-reader";
import type { FormatSpec, RawRow, RowResult } from "../types";

/** Protocol §10: `audible library export`; older versions lack extended_product_description and purchase_date. */
export const AUDIBLE_CLI_COLUMNS = [
  "asin",
  "title",
  "subtitle",
  "extended_product_description",
  "authors",
  "narrators",
  "series_title",
  "series_sequence",
  "genres",
  "runtime_length_min",
  "is_finished",
  "percent_complete",
  "rating",
  "num_ratings",
  "date_added",
  "release_date",
  "cover_url",
  "purchase_date",
] as const;

export const AUDIBLE_CLI_REQUIRED = ["asin", "title"] as const;
// Columns only audible-cli writes in this spelling; two of them mark a file as audible-cli's.
export const AUDIBLE_CLI_MARKERS = [
  "runtime_length_min",
  "series_title",
  "percent_complete",
  "cover_url",
  "num_ratings",
];

/** Names are joined with ", " (§10); "Last, First" names cannot be told apart, as in audible-cli itself. */
const NAMES = /\s*,\s*/;

function convert(row: RawRow): RowResult {
  const r = new RowReader(row);
  const runtime = r.number("runtime_length_min");
  const finished = r.boolean("is_finished");
  const percent = r.number("percent_complete");
  const rating = r.number("rating");
  const ratings = r.number("num_ratings");
  const added = r.timestamp("date_added");
  const released = r.day("release_date");
  const purchased = r.timestamp("purchase_date");
  const seriesTitle = r.text("series_title");
  const cover = r.text("cover_url");
  return r.finish("asin", "title", (asin) => ({
    marketplace: null,
    extra: {},
    item: {
      asin,
      title: r.text("title"),
      subtitle: r.text("subtitle"),
      extended_product_description: r.text("extended_product_description"),
      authors: people(r.list("authors", NAMES)),
      narrators: people(r.list("narrators", NAMES)),
      series: seriesTitle ? [{ title: seriesTitle, sequence: r.text("series_sequence") ?? "" }] : [],
      category_ladders: [{ root: "Genres", ladder: r.list("genres", NAMES).map((name) => ({ name })) }],
      runtime_length_min: runtime,
      is_finished: finished === true,
      percent_complete: percent,
      rating:
        rating === null ? null : { overall_distribution: { average_rating: rating, num_ratings: ratings } },
      library_status: { date_added: added },
      release_date: released,
      purchase_date: purchased,
      product_images: cover ? { "500": cover } : {},
    },
  }));
}

export const audibleCliTsv: FormatSpec = {
  id: "audible-cli-tsv",
  label: "audible-cli library export (TSV)",
  hasMarketplace: false,
  convert,
};
export const audibleCliCsv: FormatSpec = {
  id: "audible-cli-csv",
  label: "audible-cli library export (CSV)",
  hasMarketplace: false,
  convert,
};
export const audibleCliJson: FormatSpec = {
  id: "audible-cli-json",
  label: "audible-cli library export (JSON)",
  hasMarketplace: false,
  convert,
};
