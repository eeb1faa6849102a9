import { readFileSync } from "node:fs";
import type { Title } from "./generator";
import type { Entry } from "./library-store";
import type { SimState } from "./state";

/** Real captured products (MIT, see fixtures/LICENSE.a2a), served as is for their ASINs. */
export const FIXTURE_PRODUCTS: ReadonlyMap<string, Record<string, unknown>> = new Map(
  ["1774248182_catalog_full.json", "B0CTXKB2R6_catalog_full.json"].map((file) => {
    const parsed = JSON.parse(readFileSync(new URL(`./fixtures/${file}`, import.meta.url), "utf8")) as {
      product: Record<string, unknown>;
    };
    return [String(parsed.product.asin), parsed.product];
  }),
);

/** Keys that only exist for an owner's copy; catalog products never carry them. */
export const LIBRARY_ONLY_FIELDS = new Set([
  "purchase_date",
  "status",
  "library_status",
  "percent_complete",
  "is_finished",
  "origin_asin",
  "origin_id",
  "origin_marketplace",
  "origin_type",
  "is_ayce",
  "editorial_reviews",
  "is_downloaded",
  "is_returnable",
  "is_removable",
  "is_visible",
  "is_playable",
  "is_archived",
  "pdf_url",
  "provided_review",
  "badge_types",
]);

export type CatalogHit = { title: Title; entry?: Entry };

/** The store is every title any simulated library holds; deduplicated by ASIN. */
export function* catalogTitles(state: SimState): Generator<CatalogHit> {
  const seen = new Set<string>();
  for (const account of state.accounts.values()) {
    const library = account.library;
    for (const entry of library.entries) {
      if (seen.has(entry.asin)) continue;
      seen.add(entry.asin);
      yield { title: library.title(entry) };
      for (const episode of library.episodes(entry)) yield { title: episode };
    }
  }
}

export function findCatalogTitle(state: SimState, asin: string): CatalogHit | undefined {
  for (const account of state.accounts.values()) {
    const entry = account.library.get(asin);
    if (entry) return { title: account.library.title(entry) };
  }
  for (const hit of catalogTitles(state)) if (hit.title.asin === asin) return hit;
  return undefined;
}

export function matchesSearch(title: Title, query: URLSearchParams): boolean {
  const has = (haystack: string, needle: string | null) =>
    !needle || haystack.toLowerCase().includes(needle.toLowerCase());
  const people = [...title.authors, ...title.narrators].map((p) => p.name).join(" ");
  const keywords = `${title.title} ${title.subtitle ?? ""} ${people} ${title.series.map((s) => s.title).join(" ")}`;
  return (
    has(keywords, query.get("keywords")) &&
    has(title.title, query.get("title")) &&
    has(title.authors.map((a) => a.name).join(" "), query.get("author")) &&
    has(title.narrators.map((n) => n.name).join(" "), query.get("narrator"))
  );
}
