import { describe, expect, it } from "vitest";
import { LibraryStore } from "./library-store";
import { renderItem } from "./render";
import { fieldsFor, GROUP_FIELDS, type ResponseGroup } from "./response-groups";

const ALL_GROUPS = Object.keys(GROUP_FIELDS) as ResponseGroup[];

function renderAll(store: LibraryStore) {
  const fields = fieldsFor(ALL_GROUPS, true);
  return store.entries.map((entry) =>
    renderItem(
      { title: store.title(entry), entry, imageSizes: ["500"], marketplaceId: "AF2M0KC94RCEA" },
      fields,
    ),
  );
}

describe("library generator", () => {
  it("is deterministic by seed", () => {
    const a = renderAll(new LibraryStore("same", 200, 1_700_000_000_000));
    const b = renderAll(new LibraryStore("same", 200, 1_700_000_000_000));
    expect(a).toEqual(b);
    expect(renderAll(new LibraryStore("other", 200, 1_700_000_000_000))).not.toEqual(a);
  });

  it("handles empty and 20,000-title libraries with unique ASINs", () => {
    expect(new LibraryStore("empty", 0, 0).entries).toEqual([]);
    const big = new LibraryStore("huge", 20_000, 0);
    expect(new Set(big.entries.map((e) => e.asin)).size).toBe(20_000);
  });

  it("has the variety real libraries have", () => {
    const store = new LibraryStore("variety", 2000, 0);
    const items = renderAll(store);
    const json = JSON.stringify(items);
    const series = items.flatMap((i) => (i.series as { sequence: string }[] | null) ?? []);
    const sequences = new Set(series.map((s) => s.sequence));
    for (const seq of ["1", "2.5", "10", "1-3", ""]) expect(sequences).toContain(seq);
    expect(items.some((i) => ((i.series as unknown[] | null) ?? []).length === 2)).toBe(true);
    expect(items.some((i) => ((i.authors as unknown[]) ?? []).length > 1)).toBe(true);
    expect(items.some((i) => (i.narrators as { asin: string | null }[]).some((n) => n.asin === null))).toBe(
      true,
    );
    expect(items.some((i) => i.content_delivery_type === "PodcastParent" && i.has_children === true)).toBe(
      true,
    );
    expect(items.some((i) => i.content_delivery_type === "MultiPartBook")).toBe(true);
    expect(
      items.some(
        (i) => i.is_ayce === true && (i.plans as { plan_name: string }[])[0]?.plan_name.includes("Minerva"),
      ),
    ).toBe(true);
    expect(items.some((i) => i.status === "Revoked")).toBe(true);
    expect(items.some((i) => /[\u0370-\uffff]/.test(String(i.title)))).toBe(true);
    expect(json).toContain("<script>");
    expect(json).toContain("onerror=");
    expect(items.some((i) => i.listening_status === null)).toBe(true);
    expect(
      items.some((i) => (i.listening_status as { is_finished: boolean } | null)?.is_finished === false),
    ).toBe(true);
    expect(
      items.some(
        (i) =>
          typeof (i.listening_status as { finished_at_timestamp: unknown } | null)?.finished_at_timestamp ===
          "string",
      ),
    ).toBe(true);
    expect(items.some((i) => /\.\d{3}Z$/.test(String(i.purchase_date)))).toBe(true);
    expect(items.some((i) => /:\d{2}Z$/.test(String(i.purchase_date)))).toBe(true);
    expect(items.some((i) => /^\d{10}$/.test(String(i.asin)))).toBe(true);
  });
});
