import type { ExportRow } from "./library-rows";
import { formatSeries, LIST_SEPARATOR, type OwnColumn } from "./own-columns";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The largest cover we hold: the export should not make the library look worse when re-imported elsewhere. */
function coverUrl(urls: Record<string, string>): string | null {
  const sizes = Object.keys(urls).sort((a, b) => Number(b) - Number(a));
  return urls["500"] ?? (sizes[0] ? urls[sizes[0]]! : null);
}

/** JSON keeps structure (people and series with their ASINs); CSV flattens the same values into cells. */
export function toOwnJson({ media: m, mine }: ExportRow) {
  return {
    asin: m.asin,
    marketplace: m.marketplace,
    title: m.title,
    subtitle: m.subtitle,
    authors: m.authors.map(({ name, asin }) => ({ name, asin })),
    narrators: m.narrators.map(({ name, asin }) => ({ name, asin })),
    series: m.series.map(({ title, sequence, asin }) => ({ title, sequence, asin })),
    runtime_minutes: m.runtimeMinutes,
    release_date: m.releaseDate,
    publisher: m.publisher,
    language: m.language,
    format_type: m.formatType,
    content_type: m.contentType,
    genres: m.genres,
    cover_url: coverUrl(m.coverUrls),
    community_rating: m.ratingOverall,
    community_rating_count: m.ratingCount,
    status: mine.status,
    progress_percent: mine.progressPercent,
    finished_at: iso(mine.finishedAt),
    my_rating: mine.myRatingOverall,
    purchased_at: iso(mine.purchasedAt),
    added_at: iso(mine.addedAt),
    description: m.descriptionText,
  } satisfies Record<OwnColumn, unknown>;
}

export function toOwnCsv(row: ExportRow): Record<OwnColumn, string> {
  const json = toOwnJson(row);
  const cells = {} as Record<OwnColumn, string>;
  for (const [key, value] of Object.entries(json) as [OwnColumn, unknown][]) {
    cells[key] = value === null || value === undefined ? "" : typeof value === "object" ? "" : String(value);
  }
  cells.authors = json.authors.map((a) => a.name).join(LIST_SEPARATOR);
  cells.narrators = json.narrators.map((n) => n.name).join(LIST_SEPARATOR);
  cells.series = json.series.map((s) => formatSeries(s.title, s.sequence)).join(LIST_SEPARATOR);
  cells.genres = json.genres.join(LIST_SEPARATOR);
  return cells;
}
