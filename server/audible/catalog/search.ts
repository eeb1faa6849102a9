import "server-only";
import type { CatalogProductView, CatalogSearchResult } from "@/lib/validation/catalog";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { createAudibleApi } from "../api";
import { readBaseTemplates, type BaseTemplates } from "../hosts";
import type { AudibleCountryCode } from "../locales";
import { ownedAsins } from "./owned";
import { CATALOG_IMAGE_SIZES, CATALOG_RESPONSE_GROUPS, hasTitle, toCatalogView } from "./view";

export type CatalogDeps = { db: Db; templates?: BaseTemplates };

// The catalogue needs no sign-in, so nobody's tokens are involved: anyone signed in to Media Feed may search.
const catalogApi = (marketplace: AudibleCountryCode, templates = readBaseTemplates()) =>
  createAudibleApi({ marketplace, credentials: {}, templates });

export async function searchCatalog(
  deps: CatalogDeps,
  userId: string,
  input: { q: string; marketplace: AudibleCountryCode; page: number; pageSize: number },
): Promise<CatalogSearchResult> {
  const { products, totalResults } = await catalogApi(input.marketplace, deps.templates).catalogSearch({
    keywords: input.q,
    page: input.page,
    numResults: input.pageSize,
    responseGroups: CATALOG_RESPONSE_GROUPS,
    imageSizes: CATALOG_IMAGE_SIZES,
  });
  const titled = products.filter(hasTitle);
  const owned = await ownedAsins(
    deps.db,
    userId,
    input.marketplace,
    titled.map((product) => product.asin),
  );
  const total = totalResults ?? null;
  return {
    products: titled.map((product) => toCatalogView(product, input.marketplace, owned.has(product.asin))),
    total,
    page: input.page,
    // audible-cli's rule when no total comes back: a short page is the last one.
    hasMore: total === null ? products.length === input.pageSize : (input.page + 1) * input.pageSize < total,
  };
}

export async function catalogDetails(
  deps: CatalogDeps,
  userId: string,
  input: { asin: string; marketplace: AudibleCountryCode },
): Promise<CatalogProductView> {
  const product = await catalogApi(input.marketplace, deps.templates).catalogProduct(input.asin, {
    responseGroups: CATALOG_RESPONSE_GROUPS,
    imageSizes: CATALOG_IMAGE_SIZES,
  });
  if (!product || !hasTitle(product)) {
    throw new AppError("NOT_FOUND", "Audible has no title with that ASIN in this marketplace.");
  }
  const owned = await ownedAsins(deps.db, userId, input.marketplace, [product.asin]);
  return toCatalogView(product, input.marketplace, owned.has(product.asin));
}
