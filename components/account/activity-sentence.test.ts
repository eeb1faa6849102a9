import { describe, expect, it } from "vitest";
import { activitySentence } from "./activity-sentence";

describe("activitySentence", () => {
  it("says why a sync failed in words, not as an error code", () => {
    expect(
      activitySentence("audible.sync", {
        kind: "delta",
        status: "failed",
        errorCode: "AUDIBLE_REAUTH_REQUIRED",
      }),
    ).toBe("Audible sync failed: Audible signed Media Feed out");
    expect(
      activitySentence("audible.sync", { kind: "full", status: "failed", errorCode: "AUDIBLE_UNAVAILABLE" }),
    ).toBe("Full Audible import failed: Audible is not answering");
  });

  it("reads a code this build does not know, or none, as a plain failure", () => {
    expect(
      activitySentence("audible.sync", { kind: "delta", status: "failed", errorCode: "SOMETHING_NEW" }),
    ).toBe("Audible sync failed: The sync failed on our side");
    expect(activitySentence("audible.sync", { kind: "delta", status: "failed", errorCode: null })).toBe(
      "Audible sync failed: The sync failed on our side",
    );
  });

  it("gives a finished sync's counts and names the store", () => {
    expect(
      activitySentence("audible.sync", {
        kind: "full",
        status: "succeeded",
        added: 2500,
        updated: 0,
        removed: 1,
        failed: 0,
      }),
    ).toBe("Full Audible import: 2,500 added, 0 updated, 1 removed");
    expect(activitySentence("audible.connect", { marketplace: "uk" })).toBe(
      "Connected Audible (audible.co.uk)",
    );
  });
});
