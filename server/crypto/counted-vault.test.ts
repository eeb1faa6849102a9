import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { metrics } from "@/server/metrics";
import { withFailureCounts } from "./counted-vault";
import { createVault } from "./vault";

const total = async (name: string) =>
  ((await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name)?.values ?? []).reduce(
    (s, v) => s + v.value,
    0,
  );

describe("withFailureCounts", () => {
  it("counts a failed decryption from any caller and still throws it", async () => {
    const vault = withFailureCounts(createVault([{ kid: "k1", key: randomBytes(32) }]));
    const before = await total("audible_token_decryption_errors_total");
    const sealed = vault.encrypt("user-a", "some.column", "secret");
    expect(vault.decrypt("user-a", "some.column", sealed)).toBe("secret");
    expect(() => vault.decrypt("user-b", "some.column", sealed)).toThrow();
    expect(await total("audible_token_decryption_errors_total")).toBe(before + 1);
    expect(vault.currentKid).toBe("k1");
  });
});
