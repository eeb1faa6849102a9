import { describe, expect, it, vi } from "vitest";
import type { LibraryPageParams } from "../api";
import { scanLibrary, type PageReader } from "./scan";

const PAGE_SIZE = 2;

/**
 * A library of `total` titles answered after `delayMs`, logging when each request starts. With no delay a
 * page is answered without waiting on a timer, so pages released together really arrive together.
 */
function library(total: number, events: string[], delayMs = 5): PageReader<{ asin: string }> {
  return async ({ page }: LibraryPageParams) => {
    events.push(`request ${page}`);
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const first = (page - 1) * PAGE_SIZE;
    const items = Array.from({ length: Math.max(0, Math.min(PAGE_SIZE, total - first)) }, (_, i) => ({
      asin: `B0000000${first + i}`,
    }));
    return { totalCount: total, stateToken: "token", items: async () => ({ items, titleless: false }) };
  };
}

describe("scanLibrary", () => {
  it("asks for the next page before mapping the one that arrived, so latency overlaps the work", async () => {
    const events: string[] = [];
    const result = await scanLibrary(library(6, events), {
      pageSize: PAGE_SIZE,
      pagesInFlight: 1,
      prepare: (items) => {
        events.push(`map ${items[0]!.asin}`);
        return items.length;
      },
      onPage: async ({ number }) => void events.push(`write ${number}`),
    });
    expect(result).toMatchObject({ pagesTotal: 3, totalCount: 6, itemsSeen: 6 });
    expect(events.indexOf("request 2")).toBeLessThan(events.indexOf("map B00000002"));
    expect(events.indexOf("request 3")).toBeLessThan(events.indexOf("map B00000002"));
    expect(events.filter((event) => event.startsWith("request"))).toEqual([
      "request 1",
      "request 2",
      "request 3",
    ]);
    expect(events.filter((event) => event.startsWith("write"))).toEqual(["write 1", "write 2", "write 3"]);
  });

  it("never has more requests out than pages in flight", async () => {
    let out = 0;
    let most = 0;
    const events: string[] = [];
    const inner = library(40, events, 3);
    const reader: PageReader<{ asin: string }> = async (params, onHeaders) => {
      most = Math.max(most, ++out);
      try {
        return await inner(params, onHeaders);
      } finally {
        out -= 1;
      }
    };
    const result = await scanLibrary(reader, {
      pageSize: PAGE_SIZE,
      pagesInFlight: 3,
      firstRound: 3,
      prepare: (items) => items.length,
      onPage: () => new Promise((resolve) => setTimeout(resolve, 2)),
    });
    expect(result.itemsSeen).toBe(40);
    expect(most).toBe(3);
  });

  it("lets every page that arrived send its next request before any of them is mapped", async () => {
    const events: string[] = [];
    const inner = library(8, events, 0);
    // Pages 1 and 2 are answered in the same turn of the event loop, once both have been asked for, each by
    // its own callback as two responses' I/O would be: page 2's is still queued when page 1's has run.
    let bothAsked = () => {};
    const together = new Promise<void>((resolve) => (bothAsked = resolve));
    const reader: PageReader<{ asin: string }> = async (params, onHeaders) => {
      const page = inner(params, onHeaders);
      if (params.page === 2) bothAsked();
      if (params.page <= 2) {
        await together;
        await new Promise((resolve) => setImmediate(resolve));
      }
      return page;
    };
    await scanLibrary(reader, {
      pageSize: PAGE_SIZE,
      pagesInFlight: 2,
      firstRound: 2,
      prepare: (items) => {
        events.push(`map ${items[0]!.asin}`);
        return items.length;
      },
      onPage: async () => undefined,
    });
    const firstMap = events.findIndex((event) => event.startsWith("map"));
    expect(events.slice(0, firstMap)).toEqual(["request 1", "request 2", "request 3", "request 4"]);
  });

  it("reads ahead of a slow writer only by two pages per page in flight", async () => {
    const events: string[] = [];
    let release = () => {};
    const writerBlocked = new Promise<void>((resolve) => (release = resolve));
    const scan = scanLibrary(library(20, events, 1), {
      pageSize: PAGE_SIZE,
      pagesInFlight: 1,
      prepare: (items) => items.length,
      onPage: () => writerBlocked,
    });
    await vi.waitFor(() => expect(events).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Page 1 is being written, page 2 waits for it; page 3 is not asked for.
    expect(events).toEqual(["request 1", "request 2"]);
    release();
    expect((await scan).itemsSeen).toBe(20);
    expect(events).toHaveLength(10);
  });

  it("hands a page to the writer once it is mapped, not after the pages asked for before it", async () => {
    const written: number[] = [];
    const slowFirst: PageReader<{ asin: string }> = async ({ page }) => {
      const items = [{ asin: `B0000000${page}` }, { asin: `B0000001${page}` }];
      const mapped = async () => {
        if (page === 1) await new Promise((resolve) => setTimeout(resolve, 50));
        return { items, titleless: false };
      };
      return { totalCount: 6, stateToken: "token", items: mapped };
    };
    const result = await scanLibrary(slowFirst, {
      pageSize: PAGE_SIZE,
      pagesInFlight: 1,
      prepare: (items) => items.length,
      onPage: async ({ number }) => void written.push(number),
    });
    expect(result.itemsSeen).toBe(6);
    expect(written).toEqual([2, 3, 1]);
  });

  it("sends the next request when a page's headers are in, not after its body", async () => {
    const events: string[] = [];
    const reader: PageReader<{ asin: string }> = async ({ page }, onHeaders) => {
      events.push(`request ${page}`);
      onHeaders({ totalCount: 6, stateToken: "token" });
      await new Promise((resolve) => setTimeout(resolve, 20));
      events.push(`body ${page}`);
      const items = [{ asin: `B0000000${page}` }, { asin: `B0000001${page}` }];
      return { totalCount: 6, stateToken: "token", items: async () => ({ items, titleless: false }) };
    };
    const result = await scanLibrary(reader, {
      pageSize: PAGE_SIZE,
      pagesInFlight: 1,
      prepare: (items) => items.length,
      onPage: async () => undefined,
    });
    expect(result.itemsSeen).toBe(6);
    expect(events.indexOf("request 2")).toBeLessThan(events.indexOf("body 1"));
  });
});
