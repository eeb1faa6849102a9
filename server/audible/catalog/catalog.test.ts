import { describe, expect, it, vi } from "vitest";
import { insertTitle } from "@/server/testing/library-fixtures";
import { useSimulatorAndDb } from "@/server/testing/simulator-suite";
import { signedInCaller } from "@/server/testing/users";

const suite = useSimulatorAndDb();

// A captured product: served by ASIN in every simulated store, though not found by keyword.
const CAPTURED_ASIN = "B0CTXKB2R6";

describe("audible catalog procedures against the simulator", () => {
  it("searches without a connection and marks the titles the person owns", async () => {
    const { caller, user } = await signedInCaller(suite.handle.db);
    const any = await caller.audible.search({ q: "the", marketplace: "us" });
    const word = any.products[0]!.title;

    const before = await caller.audible.search({ q: word, marketplace: "us" });
    expect(before.products.length).toBeGreaterThan(0);
    const first = before.products[0]!;
    expect(first).toMatchObject({ owned: false, webUrl: `https://www.audible.com/pd/${first.asin}` });
    expect(first.title).toBeTruthy();

    await insertTitle(suite.handle.db, user.id, { asin: first.asin, marketplace: "us", title: first.title });
    const after = await caller.audible.search({ q: word, marketplace: "us" });
    expect(after.products.find((p) => p.asin === first.asin)?.owned).toBe(true);
    // Another marketplace's copy is another product.
    const uk = await caller.audible.search({ q: word, marketplace: "uk" });
    expect(uk.products.find((p) => p.asin === first.asin)?.owned ?? false).toBe(false);
  });

  it("finds every simulated library title and pages through them", async () => {
    const { caller } = await signedInCaller(suite.handle.db);
    const page0 = await caller.audible.search({ q: "the", marketplace: "us", page: 0 });
    if (page0.hasMore) {
      const page1 = await caller.audible.search({ q: "the", marketplace: "us", page: 1 });
      expect(page1.page).toBe(1);
      expect(page1.products.map((p) => p.asin)).not.toContain(page0.products[0]!.asin);
    }
  });

  it("refuses a query shorter than 2 characters", async () => {
    const { caller } = await signedInCaller(suite.handle.db);
    await expect(caller.audible.search({ q: " a ", marketplace: "us" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("details: a captured product maps to the view; an unknown ASIN is NOT_FOUND", async () => {
    const { caller } = await signedInCaller(suite.handle.db);
    const product = await caller.audible.details({ asin: CAPTURED_ASIN, marketplace: "us" });
    expect(product).toMatchObject({ asin: CAPTURED_ASIN, owned: false });
    expect(product.authors.length).toBeGreaterThan(0);
    expect(product.coverUrl).toMatch(/^https?:\/\//);
    await expect(caller.audible.details({ asin: "B0NOTATHNG", marketplace: "us" })).rejects.toMatchObject({
      appCode: "NOT_FOUND",
    });
  });

  it("playUrl answers the protocol §8 forms per platform", async () => {
    const { caller } = await signedInCaller(suite.handle.db);
    const url = (platform: "web" | "ios" | "android") =>
      caller.audible.playUrl({ asin: CAPTURED_ASIN, marketplace: "uk", platform }).then((r) => r.url);
    expect(await url("web")).toBe(`https://www.audible.co.uk/pd/${CAPTURED_ASIN}`);
    expect(await url("ios")).toBe(`audible://www.audible.co.uk/pd/${CAPTURED_ASIN}`);
    const android = await url("android");
    expect(android).toMatch(/^intent:\/\/www\.audible\.co\.uk\/pd\/B0CTXKB2R6#Intent;scheme=https;/);
    expect(android).toContain("package=com.audible.application");
    expect(android).toContain(`S.browser_fallback_url=${encodeURIComponent(await url("web"))}`);
  });

  it("limits searches to 30 a minute per person", async () => {
    const { caller } = await signedInCaller(suite.handle.db);
    // The sliding window rounds the previous minute's weighted count down, so 31 calls that straddle a
    // minute boundary may all pass (CI hit it once). Holding the clock just inside one window makes the
    // count exact; only Date is faked, so timers and I/O still run.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Math.ceil(Date.now() / 60_000) * 60_000 + 1_000);
      for (let i = 0; i < 30; i += 1) await caller.audible.search({ q: "zz-no-match", marketplace: "us" });
      await expect(caller.audible.search({ q: "zz-no-match", marketplace: "us" })).rejects.toMatchObject({
        appCode: "RATE_LIMITED",
      });
    } finally {
      vi.useRealTimers();
    }
  });
});
