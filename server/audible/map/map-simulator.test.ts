import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "@/e2e/simulator/server";
import { connect } from "@/e2e/simulator/test-flow";
import { createAudibleApi, type AudibleApi } from "@/server/audible/api";
import { readBaseTemplates } from "@/server/audible/hosts";
import { createAudibleHttp } from "@/server/audible/http";
import { libraryItemSchema, type LibraryItem } from "@/server/audible/schemas";
import { copyValues } from "@/server/db/copy-text";
import { userMedia } from "@/server/db/schema/library";
import { canonicalCatalogueLine } from "./hashed-rows";
import { canonicalJson } from "./hashes";
import { mapLibraryItem } from "./map-item";
import { LIBRARY_SYNC_IMAGE_SIZES, LIBRARY_SYNC_RESPONSE_GROUPS } from "./response-groups";
import type { MappedItem } from "./types";

/** The production client reads a seeded 500-title library; every item must map, with the variety intact. */
const account = {
  email: "mapper@example.com",
  password: "mapper-password",
  library: { seed: "mapper", size: 500 },
};
const http = createAudibleHttp({ maxRetries: 1 }, { sleep: async () => undefined });
let sim: Simulator;
let api: AudibleApi;
const raw: LibraryItem[] = [];
const mapped = new Map<string, MappedItem>();

async function readAll(status: "Active" | "Revoked", parentAsin?: string): Promise<LibraryItem[]> {
  const items: LibraryItem[] = [];
  for (let page = 1; page <= 10; page++) {
    const result = await api.libraryPage({
      page,
      numResults: 100,
      status,
      parentAsin,
      responseGroups: LIBRARY_SYNC_RESPONSE_GROUPS,
      imageSizes: LIBRARY_SYNC_IMAGE_SIZES,
    });
    // The sync reads items unchecked; the simulator's variety must still fit the documented item schema.
    items.push(...result.items.map((item) => libraryItemSchema.parse(item)));
    if (result.items.length < 100) break;
  }
  return items;
}

function mapOrThrow(item: LibraryItem): MappedItem {
  const result = mapLibraryItem(item, { marketplace: "us" });
  if (!result.ok) throw new Error(`${result.asin}: ${result.reason}`);
  return result;
}

beforeAll(async () => {
  sim = await startSimulator({ defaultAccounts: false, accounts: [account] });
  const credentials = await connect(sim.baseUrl, account);
  api = createAudibleApi({
    marketplace: "us",
    credentials: { accessToken: credentials.accessToken },
    http,
    templates: readBaseTemplates(sim.env),
  });
  raw.push(...(await readAll("Active")), ...(await readAll("Revoked")));
  for (const item of raw) mapped.set(item.asin, mapOrThrow(item));
});

afterAll(async () => {
  await http.close();
  await sim.close();
});

const all = () => [...mapped.values()];
const rawOf = (asin: string) => raw.find((item) => item.asin === asin);

describe("mapping the simulator's library", () => {
  it("maps all 500 titles", () => {
    expect(mapped.size).toBe(500);
  });

  it("hashes every title over its canonical text, so a file import of the same values hashes alike", () => {
    const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
    for (const { media, mediaRow, state, stateRow } of all()) {
      const line = canonicalCatalogueLine(media);
      expect(media.contentHash).toBe(sha1(line));
      expect(mediaRow.line).toBe(`${line}\t${media.contentHash}`);
      const { stateHash: _hash, ...rest } = state;
      expect(state.stateHash).toBe(sha1(canonicalJson(rest)));
      expect(stateRow).toEqual(copyValues(userMedia, state));
    }
  });

  it("gives numeric series keys and keeps both series of a two-series book", () => {
    const entries = all().flatMap((m) => m.media.series ?? []);
    const key = (sequence: string) => entries.find((s) => s.sequence === sequence)?.sortKey;
    expect([key("1"), key("2.5"), key("10"), key("1-3"), key("")]).toEqual([1, 2.5, 10, 1, null]);
    const twoSeries = all().filter((m) => (m.media.series ?? []).length === 2);
    expect(twoSeries.length).toBeGreaterThan(0);
    for (const m of twoSeries) expect(m.media.series).toHaveLength(rawOf(m.media.asin)?.series?.length ?? 0);
    for (const m of all()) expect(m.media.seriesSortKey ?? null).toBe(m.media.series?.[0]?.sortKey ?? null);
  });

  it("types podcast parents and their episodes", async () => {
    const parents = all().filter((m) => m.isPodcastParent);
    expect(parents.length).toBeGreaterThan(0);
    for (const m of parents) expect(m.media.contentType).toBe("podcast");
    const parent = parents[0]!;
    const episodes = (await readAll("Active", parent.media.asin)).map(mapOrThrow);
    expect(episodes.length).toBeGreaterThan(2);
    for (const e of episodes)
      expect(e).toMatchObject({ parentAsin: parent.media.asin, media: { contentType: "episode" } });
    expect(all().filter((m) => m.media.contentType === "episode")).toHaveLength(0);
  });

  it("reads Plus end dates and flags revoked titles", () => {
    const plus = all().filter((m) => m.state.isPlusCatalog);
    expect(plus.length).toBeGreaterThan(0);
    for (const m of plus) {
      const end = rawOf(m.media.asin)?.plans?.[0]?.end_date;
      expect(m.state.planEndsAt?.getTime()).toBe(Date.parse(end!.replace(/\.\d+Z$/, "Z")));
    }
    const revoked = all().filter((m) => m.revoked);
    expect(revoked.length).toBeGreaterThan(0);
    for (const m of revoked) expect(rawOf(m.media.asin)?.status).toBe("Revoked");
  });

  it("keeps non-Latin titles intact and descriptions free of script", () => {
    const nonLatin = all().filter((m) => /[^\p{Script=Latin}\p{P}\p{N}\s]/u.test(m.media.title));
    expect(nonLatin.length).toBeGreaterThan(0);
    for (const m of nonLatin) expect(m.media.title).toBe(rawOf(m.media.asin)?.title);
    const hostile = raw.filter((item) => /<script|onerror=/i.test(item.publisher_summary ?? ""));
    expect(hostile.length).toBeGreaterThan(0);
    for (const m of all()) expect(m.media.descriptionHtml ?? "").not.toMatch(/<script|onerror|<img/i);
  });

  it("derives listening status and finish dates", () => {
    for (const m of all()) {
      const status = rawOf(m.media.asin)?.listening_status;
      if (!status) expect(m.state).toMatchObject({ status: "want_to_listen", progressPercent: 0 });
      else if (status.finished_at_timestamp)
        expect(m.state).toMatchObject({
          status: "finished",
          finishedAt: new Date(status.finished_at_timestamp),
        });
      else expect(m.state).toMatchObject({ status: "listening", progressPercent: status.percent_complete });
    }
    const statuses = new Set(all().map((m) => m.state.status));
    expect(statuses).toEqual(new Set(["want_to_listen", "listening", "finished"]));
  });

  it("parses purchase dates with and without millis to the same instant", () => {
    const withMillis = raw.filter((item) => /\.\d{3}Z$/.test(item.purchase_date ?? ""));
    const without = raw.filter((item) => /:\d{2}Z$/.test(item.purchase_date ?? ""));
    expect(withMillis.length).toBeGreaterThan(0);
    expect(without.length).toBeGreaterThan(0);
    for (const item of raw)
      expect(mapped.get(item.asin)?.state.purchasedAt?.getTime()).toBe(Date.parse(item.purchase_date!));
  });

  it("skips title-less items Audible returns after a long absence", async () => {
    await sim.control.addFault({ route: "library", kind: "titleless-items" });
    const page = await api.libraryPage({
      page: 1,
      numResults: 20,
      responseGroups: LIBRARY_SYNC_RESPONSE_GROUPS,
    });
    const results = page.items.map((item) => mapLibraryItem(item, { marketplace: "us" }));
    expect(results.length).toBe(20);
    for (const r of results) expect(r).toMatchObject({ ok: false, reason: "missing title" });
  });
});
