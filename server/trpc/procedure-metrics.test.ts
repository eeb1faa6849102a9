import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/server/db/client";
import { metrics } from "@/server/metrics";
import { createTestDb } from "@/server/testing/test-db";
import { signedInCaller } from "@/server/testing/users";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

const value = async (name: string) => {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  return (metric?.values ?? []).reduce((sum, v) => sum + v.value, 0);
};

describe("procedure metrics", () => {
  it("counts connect starts, completions, their errors and state validation failures", async () => {
    const { caller } = await signedInCaller(handle.db);
    const before = {
      authorize: await value("audible_oauth_authorize_requests_total"),
      callback: await value("audible_oauth_callback_requests_total"),
      callbackErrors: await value("audible_oauth_callback_errors_total"),
      state: await value("audible_oauth_state_validation_failures_total"),
    };
    await caller.audible.connect.start({ marketplace: "us" });
    const landingUrl = "https://www.amazon.com/ap/maplanding?openid.oa2.authorization_code=ANY";
    await expect(
      caller.audible.connect.complete({ attemptId: "A".repeat(43), landingUrl }),
    ).rejects.toMatchObject({
      appCode: "CONNECT_ATTEMPT_EXPIRED",
    });
    expect(await value("audible_oauth_authorize_requests_total")).toBe(before.authorize + 1);
    expect(await value("audible_oauth_callback_requests_total")).toBe(before.callback + 1);
    expect(await value("audible_oauth_callback_errors_total")).toBe(before.callbackErrors + 1);
    expect(await value("audible_oauth_state_validation_failures_total")).toBe(before.state + 1);
    expect(await metrics.registry.metrics()).toContain(
      'audible_oauth_callback_errors_total{code="CONNECT_ATTEMPT_EXPIRED"}',
    );
  });
});
