import { describe, expect, it } from "vitest";
import { AUDIBLE_LOCALES } from "@/server/audible/locales";
import { MARKETPLACES, marketplaceLabels } from "./audible";

describe("client-safe marketplace list", () => {
  it("names exactly the server's marketplaces, with the same sites", () => {
    expect([...MARKETPLACES].sort()).toEqual(Object.keys(AUDIBLE_LOCALES).sort());
    for (const code of MARKETPLACES) expect(marketplaceLabels[code].site).toBe(AUDIBLE_LOCALES[code].site);
  });
});
