import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSimulator } from "@/e2e/simulator/server";
import { auditLog, audibleAccounts, connectAttempts } from "@/server/db/schema";
import type { DbHandle } from "@/server/db/client";
import { insertTitle } from "@/server/testing/library-fixtures";
import { createTestDb } from "@/server/testing/test-db";
import { anonymousCaller, signedInCaller } from "@/server/testing/users";
import { appRouter } from "./root";

type Pair = { a: Awaited<ReturnType<typeof signedInCaller>>; b: Awaited<ReturnType<typeof signedInCaller>> };

/**
 * One entry per procedure. A new procedure fails "covers every procedure" until someone writes down
 * how user A might reach user B's data through it and proves that they cannot.
 */
const crossUserChecks: Record<string, (pair: Pair) => Promise<void>> = {
  "account.me": async ({ a, b }) => {
    const mine = await a.caller.account.me();
    expect(mine.id).toBe(a.user.id);
    expect(JSON.stringify(mine)).not.toContain(b.user.email);
  },
  "account.activity": async ({ a, b }) => {
    await connectAudibleDirectly(a.user.id);
    await handle.db
      .insert(auditLog)
      .values({ userId: a.user.id, action: "audible.connect", detail: { marker: "A-only" } });
    expect(JSON.stringify(await b.caller.account.activity())).not.toContain("A-only");
    expect(JSON.stringify(await a.caller.account.activity())).toContain("A-only");
  },
  "account.delete": async ({ a, b }) => {
    await expect(b.caller.account.delete({ confirmEmail: a.user.email })).rejects.toMatchObject({
      appCode: "VALIDATION_FAILED",
    });
    expect(await a.caller.account.me()).toMatchObject({ id: a.user.id });
  },
  "audible.status": async ({ a, b }) => {
    await connectAudibleDirectly(a.user.id);
    expect(await b.caller.audible.status()).toEqual({ connected: false, availability: "available" });
    expect(await a.caller.audible.status()).toMatchObject({ connected: true, accountName: "A's Audible" });
  },
  "audible.connect.start": async ({ a, b }) => {
    await b.caller.audible.connect.start({ marketplace: "us" });
    const rows = await handle.db.select().from(connectAttempts).where(eq(connectAttempts.userId, a.user.id));
    expect(rows.every((row) => row.userId === a.user.id)).toBe(true);
  },
  "audible.connect.complete": async ({ a, b }) => {
    await handle.db.delete(audibleAccounts).where(eq(audibleAccounts.userId, a.user.id));
    const started = await a.caller.audible.connect.start({ marketplace: "us" });
    const landingUrl = "https://www.amazon.com/ap/maplanding?openid.oa2.authorization_code=ANYCODE";
    await expect(
      b.caller.audible.connect.complete({ attemptId: started.attemptId, landingUrl }),
    ).rejects.toMatchObject({
      appCode: "CONNECT_ATTEMPT_EXPIRED",
    });
    await expect(
      b.caller.audible.connect.complete({ state: started.attemptId, code: "ANYCODE" }),
    ).rejects.toMatchObject({
      appCode: "CONNECT_ATTEMPT_EXPIRED",
    });
    const left = await handle.db.select().from(connectAttempts).where(eq(connectAttempts.userId, a.user.id));
    expect(left.length).toBeGreaterThan(0);
  },
  "audible.sync": async ({ a, b }) => {
    await connectAudibleDirectly(a.user.id);
    await expect(b.caller.audible.sync()).rejects.toMatchObject({ appCode: "AUDIBLE_NOT_CONNECTED" });
    const started = await a.caller.audible.sync();
    expect(started.run.status).toBe("queued");
  },
  "audible.syncRuns": async ({ a, b }) => {
    expect((await a.caller.audible.syncRuns()).length).toBeGreaterThan(0);
    expect(await b.caller.audible.syncRuns()).toEqual([]);
  },
  "audible.settings": async ({ a, b }) => {
    await a.caller.audible.updateSettings({ importPodcastEpisodes: true });
    expect(await b.caller.audible.settings()).toEqual({ importPodcastEpisodes: false });
  },
  "audible.updateSettings": async ({ a, b }) => {
    await b.caller.audible.updateSettings({ importPodcastEpisodes: false });
    expect(await a.caller.audible.settings()).toEqual({ importPodcastEpisodes: true });
  },
  "audible.disconnect": async ({ a, b }) => {
    await connectAudibleDirectly(a.user.id);
    await expect(b.caller.audible.disconnect({ keepLibrary: true })).rejects.toMatchObject({
      appCode: "AUDIBLE_NOT_CONNECTED",
    });
    expect(await a.caller.audible.status()).toMatchObject({ connected: true });
  },
  "library.list": async ({ a, b }) => {
    await insertTitle(handle.db, a.user.id, { title: "A's private shelf", authors: ["Only A"] });
    const theirs = await b.caller.library.list({ search: "private shelf" });
    expect(theirs).toMatchObject({ items: [], total: { count: 0 } });
    const all = await b.caller.library.list({ author: "Only A" });
    expect(all.items).toEqual([]);
    expect((await a.caller.library.list({ search: "private shelf" })).items).toHaveLength(1);
  },
  "library.item": async ({ a, b }) => {
    const id = await insertTitle(handle.db, a.user.id, { title: "A's item" });
    await expect(b.caller.library.item({ id })).rejects.toMatchObject({ appCode: "NOT_FOUND" });
    await expect(a.caller.library.item({ id })).resolves.toMatchObject({ id, title: "A's item" });
  },
  "library.facets": async ({ a, b }) => {
    await insertTitle(handle.db, a.user.id, {
      authors: ["Facet Author of A"],
      series: [{ title: "A's Series", sequence: "1" }],
    });
    const facets = await b.caller.library.facets();
    expect(JSON.stringify(facets)).not.toContain("of A");
    expect(JSON.stringify(facets)).not.toContain("A's Series");
  },
  "library.stats": async ({ a, b }) => {
    await insertTitle(handle.db, a.user.id, { authors: ["Stats Author of A"], mine: { status: "finished" } });
    const stats = await b.caller.library.stats();
    expect(stats.totalTitles).toBe(0);
    expect(JSON.stringify(stats)).not.toContain("of A");
  },
  // B owns the file here: A's queued sync from "audible.sync" would refuse A's import as SYNC_IN_PROGRESS.
  "imports.commit": async ({ a, b }) => {
    const run = await b.caller.imports.commit({ fileName: "b.tsv", content: B_EXPORT, marketplace: "us" });
    expect(run.added).toBe(1);
    expect((await a.caller.library.list({ search: "only b imported" })).items).toEqual([]);
    expect((await a.caller.audible.syncRuns()).map((r) => r.id)).not.toContain(run.id);
  },
  "imports.preview": async ({ a, b }) => {
    const theirs = await b.caller.imports.preview({
      fileName: "b.tsv",
      content: B_EXPORT,
      marketplace: "us",
    });
    expect(theirs.counts).toMatchObject({ new: 0, unchanged: 1 });
    const mine = await a.caller.imports.preview({ fileName: "b.tsv", content: B_EXPORT, marketplace: "us" });
    expect(mine.counts).toMatchObject({ new: 1, unchanged: 0 });
  },
  "imports.export": async ({ a, b }) => {
    const mine = await a.caller.imports.export({ format: "json" });
    expect(mine.content).not.toContain("Only B Imported");
    expect((await b.caller.imports.export({ format: "csv" })).content).toContain("Only B Imported");
  },
  // Ownership marks come from the caller's own library only.
  "audible.search": ({ a, b }) =>
    withCatalog(async () => {
      const found = await a.caller.audible.search({ q: "the", marketplace: "us" });
      const first = found.products[0]!;
      await insertTitle(handle.db, a.user.id, { asin: first.asin, marketplace: "us", title: first.title });
      const mine = await a.caller.audible.search({ q: first.title, marketplace: "us" });
      expect(mine.products.find((p) => p.asin === first.asin)?.owned).toBe(true);
      const theirs = await b.caller.audible.search({ q: first.title, marketplace: "us" });
      expect(theirs.products.find((p) => p.asin === first.asin)?.owned).toBe(false);
    }),
  "audible.details": ({ a, b }) =>
    withCatalog(async () => {
      const asin = (await a.caller.audible.search({ q: "the", marketplace: "us" })).products[1]!.asin;
      await insertTitle(handle.db, a.user.id, { asin, marketplace: "us" });
      expect((await a.caller.audible.details({ asin, marketplace: "us" })).owned).toBe(true);
      expect((await b.caller.audible.details({ asin, marketplace: "us" })).owned).toBe(false);
    }),
  "audible.playUrl": async ({ a, b }) => {
    const input = { asin: "B0CTXKB2R6", marketplace: "us", platform: "web" } as const;
    expect(await b.caller.audible.playUrl(input)).toEqual(await a.caller.audible.playUrl(input));
  },
};

/** The catalogue lives on Audible: these checks need the simulator, started only for them. */
async function withCatalog(check: () => Promise<void>) {
  const sim = await startSimulator();
  for (const [key, value] of Object.entries(sim.env)) vi.stubEnv(key, value);
  try {
    await check();
  } finally {
    vi.unstubAllEnvs();
    await sim.close();
  }
}

const B_EXPORT = "asin\ttitle\tauthors\nB0CROSSUSR\tOnly B Imported\tB Author\n";

/** A stored connection without Amazon: enough to prove another user cannot see or remove it. */
async function connectAudibleDirectly(userId: string) {
  await handle.db
    .insert(audibleAccounts)
    .values({
      userId,
      marketplace: "us",
      amazonUserId: `amzn1.account.${userId}`,
      customerName: "A's Audible",
      deviceSerial: "0".repeat(32),
      deviceName: "Media Feed for iPhone",
      accessTokenEnc: "x",
      refreshTokenEnc: "x",
      adpTokenEnc: "x",
      devicePrivateKeyEnc: "x",
      cookiesEnc: "x",
      keyId: "test",
      accessTokenExpiresAt: new Date(Date.now() + 3_600_000),
    })
    .onConflictDoNothing();
}

let handle: DbHandle;
let pair: Pair;
beforeAll(async () => {
  handle = await createTestDb();
  pair = { a: await signedInCaller(handle.db), b: await signedInCaller(handle.db) };
});
afterAll(() => handle.close());

describe("one user cannot read another user's data", () => {
  it("covers every procedure of the app router", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(crossUserChecks).sort());
  });

  it.each(Object.keys(crossUserChecks))("%s", async (path) => {
    await crossUserChecks[path]!(pair);
  });

  it("refuses anonymous callers on protected procedures", async () => {
    await expect(anonymousCaller(handle.db).account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
