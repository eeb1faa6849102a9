import "server-only";
import { createApiRequester, buildPathAndQuery, type ApiCredentials } from "./api-request";
import { AudibleError } from "./errors";
import { basesFor, readBaseTemplates, type BaseTemplates } from "./hosts";
import { getAudibleHttp, parseJsonBody, type AudibleHttp } from "./http";
import type { AudibleCountryCode } from "./locales";
import {
  catalogProductResponseSchema,
  catalogProductsResponseSchema,
  finishedStatusResponseSchema,
  lastPositionsResponseSchema,
  libraryItemResponseSchema,
  libraryPageSchema,
  userProfileSchema,
  type CatalogProduct,
  type FinishedStatusResponse,
  type LastPositionsResponse,
  type LibraryItem,
  type UserProfile,
} from "./schemas";

export type { ApiCredentials } from "./api-request";

export type LibraryPageParams = {
  page: number;
  numResults: number;
  responseGroups?: readonly string[];
  imageSizes?: readonly string[];
  sortBy?: string;
  purchasedAfter?: string;
  status?: "Active" | "Revoked";
  stateToken?: string;
  parentAsin?: string;
  includePending?: boolean;
};

export type LibraryPage = {
  /** Unchecked items: the mapper reads them field by field (see libraryPageSchema). */
  items: unknown[];
  /** `Total-Count` header: all matching items, independent of the page size; null when absent. */
  totalCount: number | null;
  /** `State-Token` header: send it as `stateToken` next time for a delta. */
  stateToken: string | null;
  responseGroups: string[];
};

export type PageHeaders = Pick<LibraryPage, "totalCount" | "stateToken">;

export type LibraryPageBytes = PageHeaders & {
  bytes: Uint8Array;
  status: number;
};

export type CatalogSearchParams = {
  keywords?: string;
  title?: string;
  author?: string;
  narrator?: string;
  numResults?: number;
  /** 0-based, as the catalogue counts. */
  page?: number;
  sortBy?: string;
  responseGroups?: readonly string[];
  imageSizes?: readonly string[];
  asins?: readonly string[];
};

export type FinishedEvent = NonNullable<FinishedStatusResponse["mark_as_finished_status_list"]>[number];
export type LastPosition = NonNullable<LastPositionsResponse["asin_last_position_heard_annots"]>[number];

export type AudibleApiOptions = {
  marketplace: AudibleCountryCode;
  credentials: ApiCredentials;
  http?: AudibleHttp;
  templates?: BaseTemplates;
  now?: () => Date;
};

function headerCount(value: string | undefined): number | null {
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : null;
}

export function createAudibleApi(options: AudibleApiOptions) {
  const bases = basesFor(options.marketplace, options.templates ?? readBaseTemplates());
  const api = createApiRequester(
    options.http ?? getAudibleHttp(),
    options.credentials,
    options.now ?? (() => new Date()),
  );
  const audible = bases.audibleApiBase;

  const libraryHeaders = (headers: Record<string, string>): PageHeaders => ({
    totalCount: headerCount(headers["total-count"]),
    stateToken: headers["state-token"]?.trim() || null,
  });
  const libraryPageResponse = async (params: LibraryPageParams, onPage?: (headers: PageHeaders) => void) => {
    const path = buildPathAndQuery("/1.0/library", {
      num_results: params.numResults,
      page: params.page,
      response_groups: params.responseGroups,
      image_sizes: params.imageSizes,
      sort_by: params.sortBy,
      purchased_after: params.purchasedAfter,
      status: params.status,
      state_token: params.stateToken,
      parent_asin: params.parentAsin,
      include_pending: params.includePending,
    });
    const onHeaders =
      onPage &&
      ((status: number, headers: Record<string, string>) => {
        if (status === 200) onPage(libraryHeaders(headers));
      });
    const res = await api.send(audible, "GET", path, { onHeaders });
    if (res.status !== 200)
      throw new AudibleError("AUDIBLE_UNAVAILABLE", { status: res.status, reason: `status-${res.status}` });
    return { res, headers: libraryHeaders(res.headers) };
  };

  return {
    /**
     * A library page's body still as bytes, for a caller that parses it elsewhere (the sync's mapper
     * thread). `onHeaders` hears of a 200 as soon as its headers are in, while the body still arrives.
     */
    async libraryPageBytes(
      params: LibraryPageParams,
      onHeaders?: (headers: PageHeaders) => void,
    ): Promise<LibraryPageBytes> {
      const { res, headers } = await libraryPageResponse(params, onHeaders);
      return { bytes: res.bytes ?? Buffer.from(res.body), status: res.status, ...headers };
    },

    async libraryPage(params: LibraryPageParams): Promise<LibraryPage> {
      const { res, headers } = await libraryPageResponse(params);
      const body = parseJsonBody(res, libraryPageSchema);
      return { items: body.items ?? [], responseGroups: body.response_groups ?? [], ...headers };
    },

    async libraryItem(asin: string, responseGroups?: readonly string[]): Promise<LibraryItem | null> {
      const path = buildPathAndQuery(`/1.0/library/${encodeURIComponent(asin)}`, {
        response_groups: responseGroups,
      });
      return (await api.json(audible, path, libraryItemResponseSchema))?.item ?? null;
    },

    async catalogProduct(
      asin: string,
      params: Pick<CatalogSearchParams, "responseGroups" | "imageSizes"> = {},
    ): Promise<CatalogProduct | null> {
      const path = buildPathAndQuery(`/1.0/catalog/products/${encodeURIComponent(asin)}`, {
        response_groups: params.responseGroups,
        image_sizes: params.imageSizes,
      });
      return (await api.json(audible, path, catalogProductResponseSchema))?.product ?? null;
    },

    async catalogSearch(
      params: CatalogSearchParams,
    ): Promise<{ products: CatalogProduct[]; totalResults: number | null }> {
      const path = buildPathAndQuery("/1.0/catalog/products", {
        keywords: params.keywords,
        title: params.title,
        author: params.author,
        narrator: params.narrator,
        asins: params.asins,
        num_results: params.numResults,
        page: params.page,
        products_sort_by: params.sortBy,
        response_groups: params.responseGroups,
        image_sizes: params.imageSizes,
      });
      const body = await api.json(audible, path, catalogProductsResponseSchema);
      return { products: body?.products ?? [], totalResults: body?.total_results ?? null };
    },

    async finishedStatus(params: { asin?: string; startDate?: string } = {}): Promise<FinishedEvent[]> {
      const path = buildPathAndQuery("/1.0/stats/status/finished", {
        asin: params.asin,
        start_date: params.startDate,
      });
      return (
        (await api.json(audible, path, finishedStatusResponseSchema))?.mark_as_finished_status_list ?? []
      );
    },

    async lastPositions(asins: readonly string[]): Promise<LastPosition[]> {
      if (asins.length === 0) return [];
      const path = buildPathAndQuery("/1.0/annotations/lastpositions", { asins });
      return (
        (await api.json(audible, path, lastPositionsResponseSchema))?.asin_last_position_heard_annots ?? []
      );
    },

    async userProfile(): Promise<UserProfile> {
      const profile = await api.json(bases.amazonApiBase, "/user/profile", userProfileSchema);
      if (!profile) throw new AudibleError("AUDIBLE_UNAVAILABLE", { status: 404, reason: "status-404" });
      return profile;
    },
  };
}

export type AudibleApi = ReturnType<typeof createAudibleApi>;
