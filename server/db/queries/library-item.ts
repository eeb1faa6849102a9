import { and, eq } from "drizzle-orm";
import type { LibraryItem } from "@/lib/validation/library";
import { AUDIBLE_LOCALES, isAudibleCountryCode } from "@/server/audible/locales";
import type { Db } from "@/server/db";
import { media, userMedia } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { pickCover } from "./library-filters";

/** The store page of a title in the marketplace it was bought in (protocol §1: one domain per marketplace). */
export function audibleUrlFor(marketplace: string, asin: string): string | null {
  if (!isAudibleCountryCode(marketplace) || !/^[A-Z0-9]{10}$/i.test(asin)) return null;
  return `https://www.audible.${AUDIBLE_LOCALES[marketplace].domain}/pd/${asin}`;
}

/** One title as its owner sees it; another person's title and an unknown id look the same. */
export async function getLibraryItem(db: Db, userId: string, mediaId: string): Promise<LibraryItem> {
  const [row] = await db
    .select({ media, mine: userMedia })
    .from(userMedia)
    .innerJoin(media, eq(media.id, userMedia.mediaId))
    .where(and(eq(userMedia.userId, userId), eq(userMedia.mediaId, mediaId)))
    .limit(1);
  if (!row) throw new AppError("NOT_FOUND", "This title is not in your library.");
  const { media: m, mine } = row;
  return {
    id: m.id,
    asin: m.asin,
    marketplace: m.marketplace,
    title: m.title,
    subtitle: m.subtitle,
    authors: m.authors,
    narrators: m.narrators,
    series: m.series,
    seriesTitle: m.seriesTitle,
    seriesSequence: m.seriesSequence,
    coverUrl: pickCover(m.coverUrls, 1000),
    runtimeMinutes: m.runtimeMinutes,
    contentType: m.contentType,
    releaseDate: m.releaseDate,
    publisher: m.publisher,
    language: m.language,
    formatType: m.formatType,
    genres: m.genres,
    ratings: {
      overall: m.ratingOverall,
      performance: m.ratingPerformance,
      story: m.ratingStory,
      count: m.ratingCount,
    },
    myRatings: {
      overall: mine.myRatingOverall,
      performance: mine.myRatingPerformance,
      story: mine.myRatingStory,
    },
    descriptionHtml: m.descriptionHtml,
    status: mine.status,
    progressPercent: mine.progressPercent,
    finishedAt: mine.finishedAt,
    addedAt: mine.addedAt,
    purchasedAt: mine.purchasedAt,
    planEndsAt: mine.planEndsAt,
    isPlusCatalog: mine.isPlusCatalog,
    removedAt: mine.removedAt,
    audibleUrl: audibleUrlFor(m.marketplace, m.asin),
  };
}
