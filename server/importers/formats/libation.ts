import { marketplaceSchema } from "@/lib/validation/audible";
import { people } from "../cells";
import { RowReader } from "../row-reader";
import type { FormatSpec, RawRow, RowResult } from "../types";
import { COVER_URL, LIBATION_CSV_TO_JSON, LIBATION_LOCALES } from "./libation-columns";

const COVER_ID = /^[A-Za-z0-9+%_-]{5,40}$/;
const CONTENT_TYPES: Record<string, string> = { Product: "Product", Episode: "Episode", Parent: "Podcast" };

/** "1 : Mistborn, 2.5 : Cosmere" (order may be empty) — commas inside a series name stay with that name. */
export function parseSeriesOrder(text: string | null): { title: string; sequence: string }[] {
  if (!text) return [];
  const pieces: string[] = [];
  for (const part of text.split(", ")) {
    if (part.includes(" : ") || part.trimStart().startsWith(": ") || pieces.length === 0) pieces.push(part);
    else pieces[pieces.length - 1] += `, ${part}`;
  }
  return pieces
    .map((piece) => {
      const at = piece.indexOf(":");
      return at === -1
        ? { title: piece.trim(), sequence: "" }
        : { title: piece.slice(at + 1).trim(), sequence: piece.slice(0, at).trim() };
    })
    .filter((entry) => entry.title !== "");
}

function cover(id: string | null): Record<string, string> {
  if (!id) return {};
  if (/^https:\/\//.test(id)) return { "500": id };
  return COVER_ID.test(id) ? { "500": COVER_URL(id) } : {};
}

function convertJsonKeys(row: RawRow): RowResult {
  const r = new RowReader(row);
  const locale = r.text("Locale")?.toLowerCase() ?? null;
  const marketplace = marketplaceSchema.safeParse(locale ? LIBATION_LOCALES[locale] : undefined);
  const series = parseSeriesOrder(r.text("SeriesOrder"));
  const fallbackSeries = r.list("SeriesNames", ", ").map((title) => ({ title, sequence: "" }));
  const abridged = r.boolean("IsAbridged");
  const [overall, performance, story] = [
    r.number("CommunityRatingOverall"),
    r.number("CommunityRatingPerformance"),
    r.number("CommunityRatingStory"),
  ];
  const mine = {
    overall_rating: r.number("MyRatingOverall"),
    performance_rating: r.number("MyRatingPerformance"),
    story_rating: r.number("MyRatingStory"),
  };
  const finished = r.boolean("IsFinished");
  const plus = r.boolean("IsAudiblePlus");
  const added = r.timestamp("DateAdded");
  const published = r.day("DatePublished");
  const runtime = r.number("LengthInMinutes");
  const distribution = (value: number | null) => (value ? { average_rating: value } : null);
  return r.finish("AudibleProductId", "Title", (asin) => ({
    marketplace: marketplace.success ? marketplace.data : null,
    extra: plus ? { isPlusCatalog: true } : {},
    item: {
      asin,
      title: r.text("Title"),
      subtitle: r.text("Subtitle"),
      publisher_summary: r.text("Description"),
      authors: people(r.list("AuthorNames", /\s*,\s*/)),
      narrators: people(r.list("NarratorNames", /\s*,\s*/)),
      series: series.length > 0 ? series : fallbackSeries,
      category_ladders: [
        { root: "Genres", ladder: r.list("CategoriesNames", /\s*;\s*/).map((name) => ({ name })) },
      ],
      runtime_length_min: runtime,
      publisher_name: r.text("Publisher"),
      language: r.text("Language"),
      format_type: abridged === null ? null : abridged ? "abridged" : "unabridged",
      content_type: CONTENT_TYPES[r.text("ContentType") ?? ""] ?? null,
      product_images: cover(r.text("PictureId")),
      rating: {
        overall_distribution: distribution(overall),
        performance_distribution: distribution(performance),
        story_distribution: distribution(story),
      },
      provided_review: { ratings: mine },
      is_finished: finished === true,
      library_status: { date_added: added },
      release_date: published,
    },
  }));
}

/** CSV rows are renamed to the JSON property names first, so both exports share one converter. */
function convertCsv(row: RawRow): RowResult {
  const values: Record<string, unknown> = {};
  for (const [header, value] of Object.entries(row.values)) {
    values[LIBATION_CSV_TO_JSON[header as keyof typeof LIBATION_CSV_TO_JSON] ?? header] = value;
  }
  return convertJsonKeys({ ...row, values });
}

export const libationCsv: FormatSpec = {
  id: "libation-csv",
  label: "Libation export (CSV)",
  hasMarketplace: true,
  convert: convertCsv,
};
export const libationJson: FormatSpec = {
  id: "libation-json",
  label: "Libation export (JSON)",
  hasMarketplace: true,
  convert: convertJsonKeys,
};
