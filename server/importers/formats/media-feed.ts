import { marketplaceSchema } from "@/lib/validation/audible";
import type { ListenStatus } from "@/lib/validation/library";
import { LIST_SEPARATOR, parseSeries, unescapeFormula } from "@/server/exporters/own-columns";
import { cellText } from "../cells";
import { RowReader } from "../row-reader";
import type { FormatSpec, RawRow, RowResult } from "../types";

const STATUSES = new Set(["want_to_listen", "listening", "finished"]);
const CONTENT_TYPES: Record<string, string> = { book: "Product", podcast: "Podcast", episode: "Episode" };

type Person = { name: string; asin: string | null };

/** JSON carries people with their ASINs; CSV carries names joined by "; ". */
function persons(value: unknown): Person[] {
  if (!Array.isArray(value))
    return (cellText(value) ?? "")
      .split(LIST_SEPARATOR)
      .map((name) => ({ name: name.trim(), asin: null }))
      .filter((p) => p.name);
  return value.flatMap((entry) => {
    const record = entry as Record<string, unknown> | null;
    const name = cellText(record?.name);
    return name ? [{ name, asin: cellText(record?.asin) }] : [];
  });
}

function seriesOf(value: unknown): { title: string; sequence: string; asin?: string | null }[] {
  if (!Array.isArray(value))
    return (cellText(value) ?? "")
      .split(LIST_SEPARATOR)
      .filter((s) => s.trim())
      .map(parseSeries);
  return value.flatMap((entry) => {
    const record = entry as Record<string, unknown> | null;
    const title = cellText(record?.title);
    return title ? [{ title, sequence: cellText(record?.sequence) ?? "", asin: cellText(record?.asin) }] : [];
  });
}

function convert(row: RawRow): RowResult {
  const r = new RowReader(row);
  const marketplace = marketplaceSchema.safeParse(r.text("marketplace")?.toLowerCase());
  if (!marketplace.success) r.problems.push("marketplace is not one of Audible's marketplaces");
  const status = r.text("status") ?? "want_to_listen";
  if (!STATUSES.has(status)) r.problems.push(`"${status.slice(0, 40)}" is not a status`);
  const percent = r.number("progress_percent");
  const finishedAt = r.timestamp("finished_at");
  const myRating = r.number("my_rating");
  const [rating, count, runtime] = [
    r.number("community_rating"),
    r.number("community_rating_count"),
    r.number("runtime_minutes"),
  ];
  const [released, purchased, added] = [
    r.day("release_date"),
    r.timestamp("purchased_at"),
    r.timestamp("added_at"),
  ];
  const cover = r.text("cover_url");
  return r.finish("asin", "title", (asin) => ({
    marketplace: marketplace.success ? marketplace.data : null,
    // Our own status is exact (a person may have set it by hand); Audible's rules would re-derive it from percent.
    extra: { finishedAt: finishedAt ? new Date(finishedAt) : null, status: status as ListenStatus },
    item: {
      asin,
      title: r.text("title"),
      subtitle: r.text("subtitle"),
      publisher_summary: r.text("description"),
      authors: persons(r.raw("authors")),
      narrators: persons(r.raw("narrators")),
      series: seriesOf(r.raw("series")),
      category_ladders: [
        { root: "Genres", ladder: r.list("genres", LIST_SEPARATOR.trim()).map((name) => ({ name })) },
      ],
      runtime_length_min: runtime,
      release_date: released,
      publisher_name: r.text("publisher"),
      language: r.text("language"),
      format_type: r.text("format_type"),
      content_type: CONTENT_TYPES[r.text("content_type") ?? "book"] ?? "Product",
      product_images: cover ? { "500": cover } : {},
      rating:
        rating === null ? null : { overall_distribution: { average_rating: rating, num_ratings: count } },
      is_finished: status === "finished",
      percent_complete: percent,
      provided_review: { ratings: { overall_rating: myRating } },
      purchase_date: purchased,
      library_status: { date_added: added },
    },
  }));
}

/** Cells were escaped against formula injection on export; undo exactly that before reading them. */
function convertCsv(row: RawRow): RowResult {
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row.values))
    values[key] = typeof value === "string" ? unescapeFormula(value) : value;
  return convert({ ...row, values });
}

export const mediaFeedCsv: FormatSpec = {
  id: "media-feed-csv",
  label: "Media Feed export (CSV)",
  hasMarketplace: true,
  convert: convertCsv,
};
export const mediaFeedJson: FormatSpec = {
  id: "media-feed-json",
  label: "Media Feed export (JSON)",
  hasMarketplace: true,
  convert,
};
