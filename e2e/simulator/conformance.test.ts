import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  catalogProductResponseSchema,
  catalogProductsResponseSchema,
  libraryItemResponseSchema,
  libraryListResponseSchema,
  listeningAggregatesSchema,
  wishlistResponseSchema,
} from "@/server/audible/schemas";
import { startSimulator, type Simulator } from "./server";
import { connect, type Credentials } from "./test-flow";

type Json = Record<string, unknown>;
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as Json;

/** Key paths such as `series[].sequence`; maps keyed by data (image sizes) count as leaves. */
function keyPaths(value: unknown, prefix = "", out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) keyPaths(item, `${prefix}[]`, out);
    return out;
  }
  if (typeof value !== "object" || value === null) return out;
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.add(path);
    if (key !== "product_images") keyPaths(child, path, out);
  }
  return out;
}

function extraKeys(simulated: unknown[], real: unknown[]): string[] {
  const allowed = new Set(real.flatMap((item) => [...keyPaths(item)]));
  return [...new Set(simulated.flatMap((item) => [...keyPaths(item)]))].filter((path) => !allowed.has(path));
}

const groupsOf = (body: Json) =>
  (body.response_groups as string[]).filter((g) => g !== "always-returned").join(",");

let sim: Simulator;
let creds: Credentials;
beforeAll(async () => {
  sim = await startSimulator({
    defaultAccounts: false,
    accounts: [{ email: "c@example.com", password: "pw", library: { seed: "conformance", size: 400 } }],
  });
  creds = await connect(sim.baseUrl, { email: "c@example.com", password: "pw" });
});
afterAll(() => sim.close());

async function get(path: string): Promise<Json> {
  const response = await fetch(`${sim.baseUrl}/api.audible.com${path}`, {
    headers: { "x-amz-access-token": creds.accessToken },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

describe("captured responses parse with the shared schemas", () => {
  it.each(["library_item_full.json", "library_sample.json"])("%s", (name) => {
    expect(libraryListResponseSchema.parse(fixture(name)).items?.length).toBeGreaterThan(0);
  });
  it.each(["1774248182_catalog_full.json", "B0CTXKB2R6_catalog_full.json"])("%s", (name) => {
    expect(catalogProductResponseSchema.parse(fixture(name)).product.asin).toBeTruthy();
  });
  it("wishlist_sample.json and listening_stats.json", () => {
    expect(wishlistResponseSchema.parse(fixture("wishlist_sample.json")).products?.length).toBeGreaterThan(0);
    expect(
      listeningAggregatesSchema.parse(fixture("listening_stats.json")).aggregated_total_listening_stats?.unit,
    ).toBe("Milliseconds");
  });
});

describe("simulator answers parse and emit only keys real responses have", () => {
  it.each(["library_item_full.json", "library_sample.json"])(
    "library list with the groups of %s",
    async (name) => {
      const real = fixture(name);
      const simulated = await get(`/1.0/library?num_results=400&response_groups=${groupsOf(real)}`);
      const items = libraryListResponseSchema.parse(simulated).items ?? [];
      expect(items.length).toBeGreaterThan(300);
      expect(extraKeys(items, real.items as unknown[])).toEqual([]);
    },
  );

  it("sends every item's keys, and its nested objects' keys, in alphabetical order, as the captures do", async () => {
    // Data-keyed maps (image sizes) follow JSON's own order for numeric keys and are left out.
    const unsorted = (value: unknown, path = ""): string[] => {
      if (Array.isArray(value)) return value.flatMap((item) => unsorted(item, `${path}[]`));
      if (typeof value !== "object" || value === null || path.endsWith("product_images")) return [];
      const keys = Object.keys(value);
      const here = keys.join() === [...keys].sort().join() ? [] : [path || "(item)"];
      return [...here, ...keys.flatMap((key) => unsorted((value as Json)[key], `${path}.${key}`))];
    };
    for (const name of ["library_sample.json", "library_item_full.json"])
      expect(unsorted(fixture(name).items)).toEqual([]);
    const { items } = await get(
      `/1.0/library?num_results=200&response_groups=${groupsOf(fixture("library_sample.json"))}`,
    );
    expect((items as unknown[]).length).toBe(200);
    expect(unsorted(items)).toEqual([]);
  });

  it("library item with the groups of library_item_full.json", async () => {
    const real = fixture("library_item_full.json");
    const list = libraryListResponseSchema.parse(await get("/1.0/library?num_results=5"));
    const asin = list.items?.[0]?.asin ?? "";
    const one = libraryItemResponseSchema.parse(
      await get(`/1.0/library/${asin}?response_groups=${groupsOf(real)}`),
    );
    expect(extraKeys([one.item], real.items as unknown[])).toEqual([]);
  });

  it("catalog products with the groups of the captured catalog responses", async () => {
    const reals = ["1774248182_catalog_full.json", "B0CTXKB2R6_catalog_full.json"].map(fixture);
    // Catalog captures omit null keys, so fields that are null for those two books (a narrator's asin, a
    // podcast's episode_count) are taken from the captured library item, which shares the product shape.
    const realProducts = [
      ...reals.map((r) => r.product),
      ...(fixture("library_item_full.json").items as unknown[]),
    ];
    const list = libraryListResponseSchema.parse(await get("/1.0/library?num_results=400"));
    const asins = (list.items ?? []).slice(0, 40).map((i) => i.asin);
    const groups = groupsOf(reals[0] ?? {});
    const one = catalogProductResponseSchema.parse(
      await get(`/1.0/catalog/products/${asins[0]}?response_groups=${groups}`),
    );
    const many = catalogProductsResponseSchema.parse(
      await get(`/1.0/catalog/products?asins=${asins.join(",")}&response_groups=${groups}`),
    );
    expect(many.products).toHaveLength(40);
    expect(extraKeys([one.product, ...(many.products ?? [])], realProducts)).toEqual([]);
  });

  it("catalog serves the captured products for their ASINs", async () => {
    const real = fixture("B0CTXKB2R6_catalog_full.json");
    const simulated = await get(`/1.0/catalog/products/B0CTXKB2R6?response_groups=${groupsOf(real)}`);
    expect(simulated.product).toEqual(real.product);
  });
});
