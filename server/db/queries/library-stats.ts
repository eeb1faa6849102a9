import { and, eq, gte, isNotNull, isNull, sql } from "drizzle-orm";
import { LISTEN_STATUSES, type LibraryStats } from "@/lib/validation/library";
import type { Db } from "@/server/db";
import { media, userMedia } from "@/server/db/schema";

const TOP_LIMIT = 10;
export const STATS_MONTHS = 24;

const minutes = sql<number>`coalesce(sum(${media.runtimeMinutes}), 0)::int`;
const titles = sql<number>`count(*)::int`;

/** First day (UTC) of each of the last `count` months, oldest first, as "YYYY-MM". */
export function lastMonths(now: Date, count = STATS_MONTHS): string[] {
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (count - 1 - index), 1));
    return date.toISOString().slice(0, 7);
  });
}

export async function libraryStats(db: Db, userId: string, now = new Date()): Promise<LibraryStats> {
  const owned = and(eq(userMedia.userId, userId), isNull(userMedia.removedAt));
  const months = lastMonths(now);
  const since = new Date(`${months[0]}-01T00:00:00Z`);

  const ranked = (column: typeof media.authors | typeof media.narrators, order: "titles" | "minutes") =>
    db
      .select({ name: sql<string>`entry->>'name'`, titles, minutes })
      .from(userMedia)
      .innerJoin(media, eq(media.id, userMedia.mediaId))
      .crossJoin(sql`jsonb_array_elements(${column}) as entry`)
      .where(and(owned, sql`coalesce(entry->>'name', '') <> ''`))
      .groupBy(sql`1`)
      .orderBy(order === "titles" ? sql`2 desc, 3 desc, 1 asc` : sql`3 desc, 2 desc, 1 asc`)
      .limit(TOP_LIMIT);

  const [
    statusRows,
    monthRows,
    authorsByTitles,
    authorsByHours,
    narratorsByTitles,
    narratorsByHours,
    [left],
  ] = await Promise.all([
    db
      .select({ status: userMedia.status, titles, minutes })
      .from(userMedia)
      .innerJoin(media, eq(media.id, userMedia.mediaId))
      .where(owned)
      .groupBy(userMedia.status),
    // Returned titles still count here: a book finished and then returned was still listened to.
    db
      .select({
        month: sql<string>`to_char(${userMedia.finishedAt} at time zone 'UTC', 'YYYY-MM')`,
        titles,
        minutes,
      })
      .from(userMedia)
      .innerJoin(media, eq(media.id, userMedia.mediaId))
      .where(
        and(
          eq(userMedia.userId, userId),
          eq(userMedia.status, "finished"),
          isNotNull(userMedia.finishedAt),
          gte(userMedia.finishedAt, since),
        ),
      )
      .groupBy(sql`1`),
    ranked(media.authors, "titles"),
    ranked(media.authors, "minutes"),
    ranked(media.narrators, "titles"),
    ranked(media.narrators, "minutes"),
    db
      .select({
        titles,
        minutesLeft: sql<number>`coalesce(round(sum(${media.runtimeMinutes} * (100 - least(${userMedia.progressPercent}, 100)) / 100.0)), 0)::int`,
      })
      .from(userMedia)
      .innerJoin(media, eq(media.id, userMedia.mediaId))
      .where(and(owned, eq(userMedia.status, "listening"))),
  ]);

  const byStatus = LISTEN_STATUSES.map((status) => {
    const row = statusRows.find((candidate) => candidate.status === status);
    return { status, titles: row?.titles ?? 0, minutes: row?.minutes ?? 0 };
  });
  const byMonth = new Map(monthRows.map((row) => [row.month, row]));
  return {
    totalTitles: byStatus.reduce((sum, row) => sum + row.titles, 0),
    totalMinutes: byStatus.reduce((sum, row) => sum + row.minutes, 0),
    byStatus,
    finishedByMonth: months.map((month) => ({
      month,
      titles: byMonth.get(month)?.titles ?? 0,
      minutes: byMonth.get(month)?.minutes ?? 0,
    })),
    topAuthorsByTitles: authorsByTitles,
    topAuthorsByHours: authorsByHours,
    topNarratorsByTitles: narratorsByTitles,
    topNarratorsByHours: narratorsByHours,
    inProgress: { titles: left?.titles ?? 0, minutesLeft: left?.minutesLeft ?? 0 },
  };
}
