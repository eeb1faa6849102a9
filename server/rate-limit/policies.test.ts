import { describe, expect, it } from "vitest";
import { parseRateSpec, policyEnvName, ratePolicies, resolveRatePolicies } from "./policies";

describe("parseRateSpec", () => {
  it.each([
    ["3/1h", { limit: 3, windowMs: 3_600_000 }],
    ["10/m", { limit: 10, windowMs: 60_000 }],
    ["100/30s", { limit: 100, windowMs: 30_000 }],
    [" 10 / 1d ", { limit: 10, windowMs: 86_400_000 }],
  ])("reads %j", (spec, expected) => {
    expect(parseRateSpec(spec)).toEqual(expected);
  });

  it.each(["", "3", "3/", "0/1h", "3/0h", "-1/1h", "3/1w", "3/1.5h", "1h/3", "three/1h"])(
    "rejects %j",
    (spec) => {
      expect(parseRateSpec(spec)).toBeNull();
    },
  );
});

describe("resolveRatePolicies", () => {
  it("keeps the seed defaults without overrides", () => {
    const table = resolveRatePolicies({});
    expect(table["audible.connect.start"]).toEqual({ limit: 3, windowMs: 3_600_000, failure: "closed" });
    expect(table["audible.connect.complete"]).toEqual({ limit: 10, windowMs: 60_000, failure: "closed" });
    expect(table["audible.sync"]).toEqual({ limit: 10, windowMs: 86_400_000, failure: "closed" });
    expect(table["audible.disconnect"]).toEqual({ limit: 10, windowMs: 3_600_000, failure: "closed" });
    expect(table["audible.status"]).toEqual({ limit: 60, windowMs: 60_000, failure: "open" });
    expect(table["audible.search"]).toEqual({ limit: 30, windowMs: 60_000, failure: "open" });
    expect(table["auth.signIn"]).toEqual({ limit: 10, windowMs: 60_000, failure: "closed" });
  });

  it("names one environment variable per policy", () => {
    expect(policyEnvName("audible.connect.start")).toBe("RATE_LIMIT_AUDIBLE_CONNECT_START");
    expect(policyEnvName("auth.signIn")).toBe("RATE_LIMIT_AUTH_SIGN_IN");
    const names = Object.keys(ratePolicies).map((name) => policyEnvName(name as keyof typeof ratePolicies));
    expect(new Set(names).size).toBe(names.length);
  });

  it("applies an override and keeps the failure mode", () => {
    const table = resolveRatePolicies({
      RATE_LIMIT_AUDIBLE_CONNECT_START: "5/30m",
      RATE_LIMIT_AUTH_SIGN_IN: "",
    });
    expect(table["audible.connect.start"]).toEqual({ limit: 5, windowMs: 1_800_000, failure: "closed" });
    expect(table["auth.signIn"].limit).toBe(10);
  });

  it("refuses a malformed override with the variable name and the expected shape", () => {
    expect(() => resolveRatePolicies({ RATE_LIMIT_AUDIBLE_SYNC: "ten per day" })).toThrow(
      /Invalid RATE_LIMIT_AUDIBLE_SYNC="ten per day": expected "<count>\/<duration>"/,
    );
  });

  it("refuses an unknown RATE_LIMIT_ name so a typo cannot silently keep the default", () => {
    expect(() => resolveRatePolicies({ RATE_LIMIT_AUDIBLE_CONECT_START: "1/1h" })).toThrow(
      /Unknown rate-limit setting RATE_LIMIT_AUDIBLE_CONECT_START/,
    );
  });

  it("reads process.env by default", () => {
    expect(() => resolveRatePolicies()).not.toThrow();
  });
});
