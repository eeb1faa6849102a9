import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mapLibraryItem } from "../map";
import { mapPageBytes, toPageItem } from "./page-items";
import { warmUpPage } from "./warm-up-page";

const sample = readFileSync("e2e/simulator/fixtures/library_sample.json");
const bytes = (text: string) => Buffer.from(text);

/** What the page gives when parsed whole: the reference the title-by-title path must match. */
function mappedWhole(body: Uint8Array) {
  const page = JSON.parse(Buffer.from(body).toString("utf8")) as { items: unknown[] };
  const items = page.items.map((item) => toPageItem(mapLibraryItem(item, { marketplace: "us" })));
  const titleless = page.items.some(
    (item) => typeof item === "object" && item !== null && !(item as { title?: unknown }).title,
  );
  return { ok: true, items, titleless };
}

afterEach(() => vi.restoreAllMocks());

describe("mapPageBytes", () => {
  it("parses a page title by title, and maps it exactly as parsing it whole would", () => {
    const parse = vi.spyOn(JSON, "parse");
    const mapped = mapPageBytes(sample, "us");
    const titles = (mapped.ok && mapped.items.length) || 0;
    expect(titles).toBeGreaterThan(1);
    // One parse per title and one for the rest of the page; never the whole page at once.
    expect(parse).toHaveBeenCalledTimes(titles + 1);
    parse.mockRestore();
    expect(mapped).toEqual(mappedWhole(sample));
  });

  it("parses the page whole when no items array was found in it", () => {
    const parse = vi.spyOn(JSON, "parse");
    const mapped = mapPageBytes(sample, "us", null);
    expect(parse).toHaveBeenCalledTimes(1);
    parse.mockRestore();
    expect(mapped).toEqual(mappedWhole(sample));
  });

  it("maps non-Latin, entity-laden and title-less items as the whole page would", () => {
    const page = JSON.parse(new TextDecoder().decode(warmUpPage(40))) as { items: object[] };
    page.items.push({ asin: "B0NOTITLE1", authors: [] }, { asin: "B0ÄÖÜ00001", title: 'Grüße, "Welt" [1]' });
    const body = bytes(JSON.stringify(page, null, 1));
    expect(mapPageBytes(body, "us")).toEqual(mappedWhole(body));
    expect(mapPageBytes(body, "us")).toMatchObject({ ok: true, titleless: true });
  });

  it("reads a body that is not JSON, or not a library page, as unreadable, as before", () => {
    const cases: [string, string][] = [
      ["<html>Service Unavailable</html>", "not-json"],
      ['{"items":[{"asin":"B000000001","title":"One"},{"asin":', "not-json"],
      ['{"items":[{"asin":"B000000001","title":"One"},{bad}]}', "not-json"],
      ['{"items":[{"asin":"B000000001","title":"One"}]} trailing', "not-json"],
      ['{"items":"nope"}', "schema"],
      ['{"items":[{"asin":"B000000001","title":"One"}],"response_groups":7}', "schema"],
    ];
    for (const [body, reason] of cases)
      expect(mapPageBytes(bytes(body), "us")).toEqual({ ok: false, reason });
  });

  it("follows JSON.parse where a page names its items twice or spells the key with an escape", () => {
    const one = { asin: "B000000001", title: "One" };
    const two = { asin: "B000000002", title: "Two" };
    const twice = `{"items":[${JSON.stringify(one)}],"items":[${JSON.stringify(two)}]}`;
    expect(mapPageBytes(bytes(twice), "us")).toEqual(mappedWhole(bytes(twice)));
    const escaped = `{"it\\u0065ms":[${JSON.stringify(two)}]}`;
    expect(mapPageBytes(bytes(escaped), "us")).toEqual(mappedWhole(bytes(escaped)));
    expect(mapPageBytes(bytes('{"items":null}'), "us")).toEqual({ ok: true, items: [], titleless: false });
  });
});
