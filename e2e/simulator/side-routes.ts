import { authenticate } from "./auth-check";
import {
  FIXTURE_PRODUCTS,
  LIBRARY_ONLY_FIELDS,
  catalogTitles,
  findCatalogTitle,
  matchesSearch,
  type CatalogHit,
} from "./catalog";
import type { Handler, RequestContext } from "./context";
import { isSimResponse, json, NOT_AUTHENTICATED } from "./http-util";
import { imageSizes, parseGroupsOrError, validationError } from "./library-query";
import { renderItem } from "./render";

export const finishedStatus: Handler = (ctx) => {
  const principal = authenticate(ctx);
  if (!principal) return NOT_AUTHENTICATED;
  const asin = ctx.query.get("asin");
  const start = Date.parse(ctx.query.get("start_date") ?? "1970-01-01T00:00:00Z");
  const list = principal.account.library.entries
    .filter(
      (e) =>
        e.progress?.finishedAt && (!asin || e.asin === asin) && Date.parse(e.progress.finishedAt) >= start,
    )
    .map((e) => ({
      asin: e.asin,
      is_marked_as_finished: true,
      event_timestamp: e.progress?.finishedAt ?? null,
    }));
  return json(200, { mark_as_finished_status_list: list });
};

export const lastPositions: Handler = (ctx) => {
  const principal = authenticate(ctx);
  if (!principal) return NOT_AUTHENTICATED;
  const library = principal.account.library;
  const asins = (ctx.query.get("asins") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const annots = asins.flatMap((asin) => {
    const entry = library.get(asin);
    if (!entry) return [];
    if (!entry.progress) return [{ asin, last_position_heard: { status: "DoesNotExist" } }];
    const positionMs = Math.round(library.title(entry).runtimeMin * 60_000 * (entry.progress.percent / 100));
    return [
      {
        asin,
        last_position_heard: {
          position_ms: positionMs,
          status: "Exists",
          last_updated: new Date(entry.changedAt).toISOString(),
        },
      },
    ];
  });
  return json(200, { asin_last_position_heard_annots: annots });
};

/** Catalog answers omit null keys, unlike library items (see the captured catalog responses). */
function renderProduct(ctx: RequestContext, hit: CatalogHit, fields: Set<string>): Record<string, unknown> {
  const fixture = FIXTURE_PRODUCTS.get(hit.title.asin);
  if (fixture) return fixture;
  const catalogFields = new Set([...fields].filter((f) => !LIBRARY_ONLY_FIELDS.has(f)));
  const item = renderItem(
    { title: hit.title, imageSizes: imageSizes(ctx.query), marketplaceId: ctx.locale.marketplaceId },
    catalogFields,
  );
  return withoutNulls(item) as Record<string, unknown>;
}

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

export const catalogProduct: Handler = (ctx, [asin = ""]) => {
  const groups = parseGroupsOrError(ctx.query);
  if (isSimResponse(groups)) return groups;
  const hit: CatalogHit | undefined = FIXTURE_PRODUCTS.has(asin)
    ? { title: { asin } as CatalogHit["title"] }
    : findCatalogTitle(ctx.state, asin);
  // Unknown ASINs come back sparse rather than 404 (protocol §8).
  const product = hit ? renderProduct(ctx, hit, groups.fields) : { asin };
  return json(200, { product, response_groups: groups.echoed });
};

export const catalogSearch: Handler = (ctx) => {
  const groups = parseGroupsOrError(ctx.query);
  if (isSimResponse(groups)) return groups;
  const rawNum = ctx.query.get("num_results") ?? "10";
  if (!/^\d+$/.test(rawNum) || Number(rawNum) > 50)
    return validationError(rawNum, "numResults", "Member must have value less than or equal to 50");
  const rawPage = ctx.query.get("page") ?? "0";
  if (!/^\d+$/.test(rawPage))
    return validationError(rawPage, "page", "Member must satisfy regular expression pattern: ^\\d+$");
  const asins = ctx.query.get("asins");
  if (asins) {
    const list = asins
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 50);
    const products = list.flatMap((asin) => {
      const hit = FIXTURE_PRODUCTS.has(asin)
        ? ({ title: { asin } } as CatalogHit)
        : findCatalogTitle(ctx.state, asin);
      return hit ? [renderProduct(ctx, hit, groups.fields)] : [];
    });
    return json(200, { products, response_groups: groups.echoed, total_results: products.length });
  }
  const numResults = Number(rawNum);
  const page = Number(rawPage);
  const matches: CatalogHit[] = [];
  for (const hit of catalogTitles(ctx.state)) if (matchesSearch(hit.title, ctx.query)) matches.push(hit);
  const products = matches
    .slice(page * numResults, (page + 1) * numResults)
    .map((hit) => renderProduct(ctx, hit, groups.fields));
  return json(200, { products, response_groups: groups.echoed, total_results: matches.length });
};
