import { describe, expect, it } from "vitest";
import { describeError, describeRunError, tryAgainIn } from "./read-error";

function trpcError(message: string, data: Record<string, unknown>) {
  return Object.assign(new Error(message), { data });
}

describe("describeError", () => {
  it("keeps the server's own wording of a long wait", () => {
    const error = trpcError("Too many attempts. Try again in 5 hours.", {
      appCode: "RATE_LIMITED",
      details: { retryAfterSeconds: 17_000 },
    });
    expect(describeError(error).message).toBe("Try again in 5 hours.");
  });

  it("falls back to the retry-after seconds, in hours past two hours", () => {
    const error = trpcError("slow down", { appCode: "RATE_LIMITED", details: { retryAfterSeconds: 86_000 } });
    expect(describeError(error).message).toBe("Try again in 24 hours.");
    expect(tryAgainIn(90)).toBe("Try again in 2 minutes.");
  });
});

describe("describeRunError", () => {
  it("explains each code a run can end with", () => {
    for (const code of [
      "AUDIBLE_UNAVAILABLE",
      "AUDIBLE_RATE_LIMITED",
      "AUDIBLE_REAUTH_REQUIRED",
      "AUDIBLE_INCOMPLETE_SCAN",
      "AUDIBLE_NOT_CONNECTED",
      "SYNC_WORKER_LOST",
      "SYNC_FAILED",
    ]) {
      expect(describeRunError(code).code).toBe(code);
    }
  });

  it("reads an unknown or missing code as a plain failure", () => {
    expect(describeRunError("SOMETHING_NEW").code).toBe("SYNC_FAILED");
    expect(describeRunError(null).title).toBe("The sync failed on our side");
  });
});
