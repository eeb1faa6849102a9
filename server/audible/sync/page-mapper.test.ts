import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { metrics } from "@/server/metrics";
import { mapPageBytes } from "./page-items";
import { sharedPageMapper, startMapperThread, WorkerMapper } from "./page-mapper";

const page = readFileSync("e2e/simulator/fixtures/library_sample.json");
const bytes = (text: string) => Buffer.from(text);

async function pagesMapped(thread: "worker" | "main"): Promise<number> {
  const metric = await metrics.libraryPagesMapped.get();
  return metric.values.find((value) => value.labels.thread === thread)?.value ?? 0;
}

describe("the mapper thread", () => {
  it("maps a page exactly as the main thread would, off the main thread", async () => {
    const before = await pagesMapped("worker");
    const mapped = await sharedPageMapper().map(page, "us");
    expect(mapped).toEqual(mapPageBytes(page, "us"));
    expect(mapped.ok && mapped.items.length).toBeGreaterThan(0);
    expect(await pagesMapped("worker")).toBe(before + 1);
  });

  it("reports a body that is not JSON, or not a library page, instead of throwing", async () => {
    expect(await sharedPageMapper().map(bytes("<html>Service Unavailable</html>"), "us")).toEqual({
      ok: false,
      reason: "not-json",
    });
    expect(await sharedPageMapper().map(bytes('{"items":"nope"}'), "us")).toEqual({
      ok: false,
      reason: "schema",
    });
  });

  it("maps many pages at once, each answer to its own request", async () => {
    const other = bytes(JSON.stringify({ items: [{ asin: "B000000001", title: "Only one" }] }));
    const results = await Promise.all(
      [page, other, page, other].map((text) => sharedPageMapper().map(text, "us")),
    );
    expect(results.map((result) => result.ok && result.items.length)).toEqual([
      mapPageBytes(page, "us").ok && (mapPageBytes(page, "us") as { items: unknown[] }).items.length,
      1,
      (mapPageBytes(page, "us") as { items: unknown[] }).items.length,
      1,
    ]);
  });

  it("is warm once the thread has loaded and warmed up, before any page is sent; the warm-up is no page", async () => {
    let loaded = false;
    const mapper = new WorkerMapper(() => {
      const worker = startMapperThread();
      worker.once("message", () => (loaded = true));
      return worker;
    });
    const before = await pagesMapped("worker");
    await mapper.warm();
    expect(loaded).toBe(true);
    expect(await pagesMapped("worker")).toBe(before);
    expect(await mapper.map(page, "us")).toEqual(mapPageBytes(page, "us"));
  });

  it("is warm, on the main thread, when the thread cannot start", async () => {
    const broken = new WorkerMapper(() => new Worker("throw new Error('no such module')", { eval: true }));
    await broken.warm();
    const before = await pagesMapped("main");
    expect(await broken.map(page, "us")).toEqual(mapPageBytes(page, "us"));
    expect(await pagesMapped("main")).toBe(before + 1);
  });

  it("maps on the main thread when the thread cannot start", async () => {
    const before = await pagesMapped("main");
    const broken = new WorkerMapper(() => new Worker("throw new Error('no such module')", { eval: true }));
    expect(await broken.map(page, "us")).toEqual(mapPageBytes(page, "us"));
    expect(await broken.map(page, "us")).toEqual(mapPageBytes(page, "us"));
    expect(await pagesMapped("main")).toBe(before + 2);
  });

  it("fails the pages a dying thread held, then starts a new thread", async () => {
    let starts = 0;
    // Answers its first request like the real thread, then dies on the second.
    const source = `
      const { parentPort } = require("node:worker_threads");
      let seen = 0;
      parentPort.on("message", ({ id }) => {
        if (++seen === 2) process.exit(3);
        parentPort.postMessage({ id, page: { ok: true, items: [], titleless: false } });
      });`;
    const flaky = new WorkerMapper(() => {
      starts += 1;
      return new Worker(source, { eval: true });
    });
    expect(await flaky.map(page, "us")).toEqual({ ok: true, items: [], titleless: false });
    await expect(flaky.map(page, "us")).rejects.toThrow(/exited \(3\)/);
    expect(await flaky.map(page, "us")).toEqual({ ok: true, items: [], titleless: false });
    expect(starts).toBe(2);
  });
});
