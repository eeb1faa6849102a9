import { describe, expect, it } from "vitest";
import { latestFinishedAt, mergeFinishedEvents } from "./finished-events";
import { withStateHash } from "./hashes";
import { neverBackwards } from "./never-backwards";
import { readProgress } from "./progress";
import type { UserMediaValues } from "./types";

const untouched = {
  is_finished: false,
  finished_at_timestamp: null,
  percent_complete: 0,
  time_remaining_seconds: 86580,
};

describe("readProgress", () => {
  it("prefers listening_status over the top-level percent (captured: 0 vs 10)", () => {
    const read = readProgress({
      percent_complete: 0,
      listening_status: { ...untouched, percent_complete: 10 },
    });
    expect(read).toEqual({ status: "listening", progressPercent: 10, finishedAt: null, explicit: true });
  });

  it("treats a listening_status at 0 % as not started", () => {
    expect(readProgress({ listening_status: untouched }).status).toBe("want_to_listen");
    expect(readProgress({}).status).toBe("want_to_listen");
  });

  it.each([
    [{ is_finished: true }],
    [{ listening_status: { ...untouched, is_finished: true } }],
    [{ listening_status: { finished_at_timestamp: "2024-01-02T03:04:05Z" } }],
    [{ percent_complete: 100 }],
  ])("finished on any of Audible's signals: %j", (item) => {
    expect(readProgress(item).status).toBe("finished");
  });

  it("clamps percent and reads the finish time", () => {
    const read = readProgress({
      listening_status: { percent_complete: 130, finished_at_timestamp: "2024-01-02T03:04:05.00000Z" },
    });
    expect(read.progressPercent).toBe(100);
    expect(read.finishedAt?.toISOString()).toBe("2024-01-02T03:04:05.000Z");
    expect(readProgress({ percent_complete: -4 }).progressPercent).toBe(0);
    expect(readProgress({ percent_complete: "50" }).progressPercent).toBe(0);
  });
});

function state(partial: Partial<UserMediaValues>): UserMediaValues {
  return withStateHash({
    status: "want_to_listen",
    progressPercent: 0,
    finishedAt: null,
    isPlusCatalog: false,
    ...partial,
  });
}

const finishedAt = new Date("2024-05-01T10:00:00Z");

describe("neverBackwards", () => {
  it("passes the first read through", () => {
    const next = state({ status: "listening", progressPercent: 5 });
    expect(neverBackwards(null, next, false)).toBe(next);
  });

  it("keeps finished when Audible did not say otherwise", () => {
    const prev = { status: "finished" as const, progressPercent: 100, finishedAt };
    const out = neverBackwards(prev, state({ status: "listening", progressPercent: 40 }), false);
    expect(out).toMatchObject({ status: "finished", progressPercent: 100, finishedAt });
    expect(out.stateHash).toBe(state({ status: "finished", progressPercent: 100, finishedAt }).stateHash);
  });

  it("un-finishes when the item carries an explicit listening_status (restart / mark unfinished)", () => {
    const prev = { status: "finished" as const, progressPercent: 100, finishedAt };
    const next = state({ status: "listening", progressPercent: 3 });
    expect(neverBackwards(prev, next, true)).toBe(next);
  });

  it("does not let a stale lower percent overwrite a higher one", () => {
    const prev = { status: "listening" as const, progressPercent: 60, finishedAt: null };
    expect(neverBackwards(prev, state({ progressPercent: 0 }), false)).toMatchObject({
      status: "listening",
      progressPercent: 60,
    });
    expect(
      neverBackwards(prev, state({ status: "listening", progressPercent: 20 }), true).progressPercent,
    ).toBe(20);
  });

  it("keeps a known finish date when a re-read omits it", () => {
    const prev = { status: "finished" as const, progressPercent: 100, finishedAt };
    const out = neverBackwards(prev, state({ status: "finished", progressPercent: 100 }), true);
    expect(out.finishedAt).toEqual(finishedAt);
  });
});

describe("finished events", () => {
  const events = [
    { asin: "A", is_marked_as_finished: true, event_timestamp: "2024-01-01T00:00:00Z" },
    { asin: "A", is_marked_as_finished: true, event_timestamp: "2024-03-01T00:00:00.000Z" },
    { asin: "A", is_marked_as_finished: false, event_timestamp: "2024-04-01T00:00:00Z" },
    { asin: "B", is_marked_as_finished: null, event_timestamp: "2024-04-01T00:00:00Z" },
    { asin: "C", is_marked_as_finished: true, event_timestamp: "garbage" },
  ];

  it("keeps the newest marked-as-finished event per ASIN", () => {
    const latest = latestFinishedAt(events);
    expect([...latest.keys()]).toEqual(["A"]);
    expect(latest.get("A")?.toISOString()).toBe("2024-03-01T00:00:00.000Z");
  });

  it("only fills a missing finish date of a finished title", () => {
    const latest = latestFinishedAt(events);
    const filled = mergeFinishedEvents("A", state({ status: "finished", progressPercent: 100 }), latest);
    expect(filled.finishedAt?.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(filled.stateHash).not.toBe(state({ status: "finished", progressPercent: 100 }).stateHash);
    const listening = state({ status: "listening", progressPercent: 10 });
    expect(mergeFinishedEvents("A", listening, latest)).toBe(listening);
    const dated = state({ status: "finished", finishedAt });
    expect(mergeFinishedEvents("A", dated, latest)).toBe(dated);
  });
});
