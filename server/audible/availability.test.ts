import { describe, expect, it } from "vitest";
import { assertAvailable, availabilityFor, requiredPlans } from "./availability";

describe("Audible availability", () => {
  it("is open to every plan by default", () => {
    expect(requiredPlans({})).toEqual(["basic", "premium", "family"]);
    expect(availabilityFor("basic", {})).toBe("available");
  });

  it("limits to the plans listed in AUDIBLE_REQUIRED_PLANS", () => {
    const env = { AUDIBLE_REQUIRED_PLANS: " Premium, family " };
    expect(availabilityFor("basic", env)).toBe("plan_required");
    expect(availabilityFor("premium", env)).toBe("available");
    expect(() => requiredPlans({ AUDIBLE_REQUIRED_PLANS: "gold" })).toThrow(/unknown plans: gold/);
  });

  it("is switched off by AUDIBLE_ENABLED=false and unavailable in production without vault keys", () => {
    expect(availabilityFor("premium", { AUDIBLE_ENABLED: "false" })).toBe("disabled");
    expect(availabilityFor("premium", { NODE_ENV: "production" })).toBe("not_configured");
    expect(availabilityFor("premium", { NODE_ENV: "production", TOKEN_ENCRYPTION_KEYS: "k:abc" })).toBe(
      "available",
    );
  });

  it("turns each state into its own error code", () => {
    expect(() => assertAvailable("available")).not.toThrow();
    expect(() => assertAvailable("plan_required")).toThrow(
      expect.objectContaining({ appCode: "PLAN_REQUIRED", code: "FORBIDDEN" }),
    );
    expect(() => assertAvailable("disabled")).toThrow(
      expect.objectContaining({ appCode: "AUDIBLE_DISABLED" }),
    );
  });
});
