import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { libraryItemResponseSchema, libraryListResponseSchema } from "@/server/audible/schemas";
import { startSimulator, type Simulator } from "./server";
import { connect, type Credentials } from "./test-flow";
import { adpHeaders } from "./test-signer";

let sim: Simulator;
let creds: Credentials;
const email = "pages@example.com";

beforeAll(async () => {
  sim = await startSimulator({
    defaultAccounts: false,
    accounts: [{ email, password: "pw", library: { seed: "pages", size: 2600 } }],
  });
  creds = await connect(sim.baseUrl, { email, password: "pw" });
});
afterAll(() => sim.close());

async function get(pathAndQuery: string) {
  const response = await fetch(`${sim.baseUrl}/api.audible.com${pathAndQuery}`, {
    headers: adpHeaders(creds, { method: "GET", pathAndQuery }),
  });
  const body: unknown = await response.json();
  return {
    status: response.status,
    total: Number(response.headers.get("total-count")),
    stateToken: response.headers.get("state-token") ?? "",
    body,
  };
}

async function list(query: string) {
  const response = await get(`/1.0/library?${query}`);
  expect(response.status).toBe(200);
  return { ...response, items: libraryListResponseSchema.parse(response.body).items ?? [] };
}

describe("library pagination", () => {
  it("pages through more than 2,500 titles with a stable Total-Count", async () => {
    const first = await list("num_results=1000&page=1&response_groups=product_desc");
    const active = (await sim.control.getAccount(email)).library.active;
    expect(first.total).toBe(active);
    expect(active).toBeGreaterThan(2500);
    const second = await list("num_results=1000&page=2&response_groups=product_desc");
    const third = await list("num_results=1000&page=3&response_groups=product_desc");
    expect(first.items).toHaveLength(1000);
    expect(second.items).toHaveLength(1000);
    expect(third.items).toHaveLength(active - 2000);
    expect(third.total).toBe(active);
    const asins = new Set([...first.items, ...second.items, ...third.items].map((i) => i.asin));
    expect(asins.size).toBe(active);
    expect((await list("num_results=1000&page=4")).items).toEqual([]);
    expect(first.stateToken).toMatch(/^\d{13}$/);
  });

  it("validates num_results like Amazon", async () => {
    const word = await get("/1.0/library?num_results=some_random_string123");
    expect(word.status).toBe(400);
    expect(word.body).toEqual({
      message:
        "1 validation error detected: Value 'some_random_string123' at 'numResults' failed to satisfy constraint: Member must satisfy regular expression pattern: ^\\d+$",
    });
    expect((await get("/1.0/library?num_results=1001")).status).toBe(400);
    expect((await get("/1.0/library?num_results=0")).status).toBe(400);
    expect((await get("/1.0/library?num_results=1000")).status).toBe(200);
  });

  it("validates response_groups and tolerates spaces", async () => {
    const bad = await get("/1.0/library?response_groups=contributors,bogus");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("Invalid response group");
    const ok = await list("num_results=1&response_groups=contributors,%20media");
    expect(Object.keys(ok.items[0] ?? {})).toEqual(
      expect.arrayContaining(["authors", "narrators", "product_images"]),
    );
    expect(ok.items[0]).not.toHaveProperty("title");
  });

  it("decides fields by response group and image sizes", async () => {
    const { items } = await list(
      "num_results=5&response_groups=media,series,listening_status,percent_complete&image_sizes=500,1215",
    );
    const item = items[0];
    expect(Object.keys(item?.product_images ?? {}).sort()).toEqual(["1215", "500"]);
    expect(item).toHaveProperty("listening_status");
    expect(item).not.toHaveProperty("authors");
  });

  it("sorts, filters by purchase date and lists revoked titles", async () => {
    const byTitle = await list("num_results=50&sort_by=Title&response_groups=product_desc");
    const titles = byTitle.items.map((i) => i.title ?? "");
    expect(titles).toEqual([...titles].sort());
    const recent = await list("num_results=1000&purchased_after=2025-01-01T00:00:00Z");
    expect(recent.total).toBeLessThan(byTitle.total);
    const revoked = await list("num_results=1000&status=Revoked");
    expect(revoked.items.every((i) => i.status === "Revoked")).toBe(true);
  });

  it("lists podcast episodes only through parent_asin", async () => {
    const { items } = await list("num_results=1000&response_groups=product_attrs,relationships");
    const parent = items.find((i) => i.content_delivery_type === "PodcastParent");
    expect(parent?.has_children).toBe(true);
    const episodes = await list(`parent_asin=${parent?.asin}&response_groups=product_attrs,relationships`);
    expect(episodes.total).toBe(parent?.relationships?.length);
    expect(episodes.items[0]?.relationships?.[0]).toMatchObject({
      asin: parent?.asin,
      relationship_to_product: "parent",
      relationship_type: "episode",
    });
  });

  it("serves one item as {item, response_groups}", async () => {
    const [first] = (await list("num_results=1")).items;
    const one = await get(`/1.0/library/${first?.asin}?response_groups=product_desc,series`);
    expect(libraryItemResponseSchema.parse(one.body).item.asin).toBe(first?.asin);
    expect((await get("/1.0/library/B000000000")).status).toBe(404);
  });
});

describe("delta sync", () => {
  it("returns changes since the state token: buys, returns as Revoked, progress", async () => {
    const base = await list("num_results=1&response_groups=listening_status");
    const token = base.stateToken;
    const none = await list(`state_token=${token}`);
    expect(none.items).toEqual([]);
    expect(none.total).toBe(0);
    expect(none.stateToken).toBe(token);

    const { entries } = await sim.control.library(email, 10);
    const active = entries.filter((e) => e.status === "Active");
    const [toReturn, toProgress] = [active[0]?.asin ?? "", active[1]?.asin ?? ""];
    const { asins: bought } = await sim.control.buy(email, 2);
    await sim.control.returnTitle(email, toReturn);
    await sim.control.progress(email, toProgress, { finished: true });

    const delta = await list(
      `state_token=${token}&num_results=1000&response_groups=listening_status,is_finished`,
    );
    expect(delta.stateToken).not.toBe(token);
    expect(delta.items.map((i) => i.asin).sort()).toEqual([...bought, toReturn, toProgress].sort());
    expect(delta.items.find((i) => i.asin === toReturn)?.status).toBe("Revoked");
    expect(delta.items.find((i) => i.asin === toProgress)).toMatchObject({
      is_finished: true,
      listening_status: { is_finished: true },
    });

    const after = await list(`state_token=${delta.stateToken}`);
    expect(after.items).toEqual([]);
    expect(after.stateToken).toBe(delta.stateToken);
  });

  it("serves a repeated page afresh once the library changed", async () => {
    const query = "num_results=5&page=1&response_groups=listening_status&sort_by=-PurchaseDate";
    const before = await list(query);
    expect((await list(query)).items).toEqual(before.items);

    const { asins: bought } = await sim.control.buy(email, 1);
    const [top] = (await list(query)).items;
    expect(top?.asin).toBe(bought[0]);
    await sim.control.progress(email, bought[0] ?? "", { finished: true });
    expect((await list(query)).items[0]).toMatchObject({ listening_status: { is_finished: true } });
  });
});
