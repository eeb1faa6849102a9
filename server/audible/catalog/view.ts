import type { CatalogProductView } from "@/lib/validation/catalog";
import type { CatalogProduct } from "../schemas";
import type { AudibleCountryCode } from "../locales";
import { webProductUrl } from "./play-url";

/** Just the groups the result card shows: a catalogue page is 20 products, not a sync. */
export const CATALOG_RESPONSE_GROUPS = [
  "contributors",
  "media",
  "product_attrs",
  "product_desc",
  "series",
  "rating",
] as const;
export const CATALOG_IMAGE_SIZES = ["500"] as const;

function coverOf(images: CatalogProduct["product_images"]): string | null {
  if (!images) return null;
  return images["500"] ?? Object.values(images)[0] ?? null;
}

function ratingOf(rating: CatalogProduct["rating"]): CatalogProductView["rating"] {
  const overall = rating?.overall_distribution;
  const average = overall?.average_rating ?? overall?.display_stars;
  // Audible reports 0 for titles nobody rated yet; that is no rating, not a bad one.
  if (typeof average !== "number" || average <= 0) return null;
  return { average: Math.round(average * 10) / 10, count: overall?.num_ratings ?? null };
}

/** A product is a title we can show only when the marketplace answered with one (unknown ASINs come back sparse). */
export function hasTitle(product: CatalogProduct): product is CatalogProduct & { title: string } {
  return typeof product.title === "string" && product.title.trim() !== "";
}

export function toCatalogView(
  product: CatalogProduct & { title: string },
  marketplace: AudibleCountryCode,
  owned: boolean,
): CatalogProductView {
  const firstSeries = product.series?.find((entry) => entry.title);
  return {
    asin: product.asin,
    title: product.title,
    subtitle: product.subtitle ?? null,
    authors: (product.authors ?? []).map((person) => person.name),
    narrators: (product.narrators ?? []).map((person) => person.name),
    series: firstSeries?.title
      ? { title: firstSeries.title, position: firstSeries.sequence?.trim() || null }
      : null,
    runtimeMinutes: product.runtime_length_min ?? null,
    releaseDate: product.release_date ?? product.issue_date ?? null,
    coverUrl: coverOf(product.product_images),
    rating: ratingOf(product.rating),
    owned,
    webUrl: webProductUrl(marketplace, product.asin),
  };
}
