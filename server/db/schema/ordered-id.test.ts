import { describe, expect, it } from "vitest";
import { orderedId } from "./ordered-id";

describe("orderedId", () => {
  it("is a version 7 UUID carrying the time it was made", () => {
    const id = orderedId(Date.UTC(2026, 11, 6, 12, 0, 0, 123));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(Date.UTC(2026, 11, 6, 12, 0, 0, 123));
  });

  it("sorts as text in the order ids were made, millisecond by millisecond", () => {
    const ids = [0, 1, 2, 255, 256, 4096, 1_700_000_000_000].map((ms) => orderedId(ms));
    expect([...ids].sort()).toEqual(ids);
  });

  it("is unique within one millisecond", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => orderedId(1_700_000_000_000)));
    expect(ids.size).toBe(10_000);
  });
});
