import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { libraryListInputSchema } from "@/lib/validation/library";
import type { DbHandle } from "@/server/db/client";
import { insertTitles } from "@/server/testing/library-fixtures";
import { createTestDb } from "@/server/testing/test-db";
import { signedInCaller } from "@/server/testing/users";
import { libraryFacets, libraryStats, listLibrary } from "./library";
import { lastMonths } from "./library-stats";

let handle: DbHandle;
const now = new Date("2025-03-15T10:00:00Z");

beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

describe("libraryStats", () => {
  it("counts exactly on a known library", async () => {
    const { user } = await signedInCaller(handle.db);
    const finished = (iso: string, minutes: number, authors = ["Ann"], narrators = ["Ned"]) => ({
      runtimeMinutes: minutes,
      authors,
      narrators,
      mine: { status: "finished" as const, progressPercent: 100, finishedAt: new Date(iso) },
    });
    await insertTitles(handle.db, user.id, [
      finished("2025-03-01T00:00:00Z", 600, ["Ann", "Bob"]),
      finished("2025-03-31T23:00:00Z", 60),
      finished("2024-12-10T00:00:00Z", 120, ["Bob"], ["Nia"]),
      // Before the 24-month window: counted by status, not by month.
      finished("2023-03-31T23:59:59Z", 300, ["Cy"], ["Nia"]),
      { runtimeMinutes: 1000, authors: ["Cy"], mine: { status: "listening", progressPercent: 25 } },
      { runtimeMinutes: 90, authors: ["Cy"], mine: { status: "listening", progressPercent: 50 } },
      { runtimeMinutes: null, authors: ["Dee"], mine: { status: "want_to_listen" } },
      { runtimeMinutes: 500, authors: ["Ann"], mine: { status: "want_to_listen", removedAt: new Date() } },
    ]);

    const stats = await libraryStats(handle.db, user.id, now);
    expect(stats.totalTitles).toBe(7);
    expect(stats.totalMinutes).toBe(600 + 60 + 120 + 300 + 1000 + 90);
    expect(stats.byStatus).toEqual([
      { status: "want_to_listen", titles: 1, minutes: 0 },
      { status: "listening", titles: 2, minutes: 1090 },
      { status: "finished", titles: 4, minutes: 1080 },
    ]);
    expect(stats.finishedByMonth).toHaveLength(24);
    expect(stats.finishedByMonth[0]!.month).toBe("2023-04");
    expect(stats.finishedByMonth.at(-1)).toEqual({ month: "2025-03", titles: 2, minutes: 660 });
    expect(stats.finishedByMonth.find((m) => m.month === "2024-12")).toEqual({
      month: "2024-12",
      titles: 1,
      minutes: 120,
    });
    expect(stats.finishedByMonth.reduce((sum, m) => sum + m.titles, 0)).toBe(3);
    // 1000 × 75% + 90 × 50% = 795.
    expect(stats.inProgress).toEqual({ titles: 2, minutesLeft: 795 });
    expect(stats.topAuthorsByTitles.slice(0, 3)).toEqual([
      { name: "Cy", titles: 3, minutes: 1390 },
      // Equal titles: more hours first.
      { name: "Bob", titles: 2, minutes: 720 },
      { name: "Ann", titles: 2, minutes: 660 },
    ]);
    expect(stats.topAuthorsByHours[0]).toEqual({ name: "Cy", titles: 3, minutes: 1390 });
    expect(stats.topAuthorsByHours[1]).toEqual({ name: "Bob", titles: 2, minutes: 720 });
    // Titles without narrators in the fixture get the builder's default "Ned Narrator"; the removed one is left out.
    expect(stats.topNarratorsByTitles[0]).toEqual({ name: "Ned Narrator", titles: 3, minutes: 1090 });
    expect(stats.topNarratorsByHours.map((n) => [n.name, n.minutes])).toEqual([
      ["Ned Narrator", 1090],
      ["Ned", 660],
      ["Nia", 420],
    ]);
  });

  it("is all zeros for an empty library", async () => {
    const { user } = await signedInCaller(handle.db);
    const stats = await libraryStats(handle.db, user.id, now);
    expect(stats.totalTitles).toBe(0);
    expect(stats.finishedByMonth.every((m) => m.titles === 0)).toBe(true);
    expect(stats.topAuthorsByTitles).toEqual([]);
  });

  it("lists the last 24 months across a year boundary", () => {
    const months = lastMonths(new Date("2025-01-31T23:00:00Z"));
    expect(months[0]).toBe("2023-02");
    expect(months.at(-1)).toBe("2025-01");
  });
});

describe("at 10,000 titles", () => {
  it("pages, searches, facets and stats answer correctly", async () => {
    const { user } = await signedInCaller(handle.db);
    await insertTitles(
      handle.db,
      user.id,
      Array.from({ length: 10_000 }, (_, index) => ({
        title: `Book ${index}`,
        authors: [`Author ${index % 700}`],
        narrators: [`Narrator ${index % 300}`],
        series: index % 3 ? [{ title: `Series ${index % 900}`, sequence: String(index % 12) }] : [],
        runtimeMinutes: 300 + (index % 500),
        mine: {
          status: (["want_to_listen", "listening", "finished"] as const)[index % 3]!,
          progressPercent: index % 101,
          addedAt: new Date(Date.UTC(2020, 0, 1) + index * 3_600_000),
          finishedAt: index % 3 === 2 ? new Date(Date.UTC(2024, index % 12, 1)) : null,
        },
      })),
    );
    // Speed is measured by `npm run bench`, not asserted here; this checks the answers at full size.
    const list = (input: object) => listLibrary(handle.db, user.id, libraryListInputSchema.parse(input));
    const first = await list({ sort: "series" });
    expect(first.total).toEqual({ count: 10_000, capped: false });
    const deep = await list({ sort: "series", cursor: first.nextCursor });
    const firstIds = new Set(first.items.map((item) => item.id));
    expect(deep.items.length).toBe(first.items.length);
    expect(deep.items.some((item) => firstIds.has(item.id))).toBe(false);
    const search = await list({ search: "author 42" });
    expect(search.items.length).toBeGreaterThan(0);
    // Every word must appear somewhere: "Author 42", "Author 420", "Book 42…" all qualify.
    expect(
      search.items.every(
        (item) => /author/i.test(JSON.stringify(item)) && JSON.stringify(item).includes("42"),
      ),
    ).toBe(true);
    const facets = await libraryFacets(handle.db, user.id);
    expect(facets.totalTitles).toBe(10_000);
    const stats = await libraryStats(handle.db, user.id);
    expect(stats.totalTitles).toBe(10_000);
    expect(stats.byStatus.map((row) => row.titles)).toEqual([3334, 3333, 3333]);
  }, 120_000);
});
