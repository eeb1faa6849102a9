import { and, count, desc, eq, inArray } from "drizzle-orm";
import { marketplaceSchema, type Marketplace } from "@/lib/validation/audible";
import type { Db } from "@/server/db";
import { audibleAccounts, media, userMedia } from "@/server/db/schema";
import type { ConvertedRow } from "./types";

export type MarketplaceGroups = { groups: Map<Marketplace, ConvertedRow[]>; unresolved: number };

/** The file's own marketplace wins per row; the person's choice fills rows that have none (audible-cli). */
export function groupByMarketplace(rows: ConvertedRow[], chosen: Marketplace | undefined): MarketplaceGroups {
  const groups = new Map<Marketplace, ConvertedRow[]>();
  let unresolved = 0;
  for (const row of rows) {
    const marketplace = row.marketplace ?? chosen;
    if (!marketplace) {
      unresolved += 1;
      continue;
    }
    const group = groups.get(marketplace) ?? [];
    group.push(row);
    groups.set(marketplace, group);
  }
  return { groups, unresolved };
}

/**
 * A guess for the marketplace picker: where the person already owns most of these ASINs (importing into another
 * marketplace would duplicate them, peers §1.1), else their connected account's marketplace.
 */
export async function suggestMarketplace(
  db: Db,
  userId: string,
  asins: string[],
): Promise<Marketplace | null> {
  if (asins.length > 0) {
    const [top] = await db
      .select({ marketplace: media.marketplace, titles: count() })
      .from(userMedia)
      .innerJoin(media, eq(media.id, userMedia.mediaId))
      .where(and(eq(userMedia.userId, userId), inArray(media.asin, asins.slice(0, 500))))
      .groupBy(media.marketplace)
      .orderBy(desc(count()))
      .limit(1);
    const owned = marketplaceSchema.safeParse(top?.marketplace);
    if (owned.success) return owned.data;
  }
  const [account] = await db
    .select({ marketplace: audibleAccounts.marketplace })
    .from(audibleAccounts)
    .where(eq(audibleAccounts.userId, userId))
    .limit(1);
  const connected = marketplaceSchema.safeParse(account?.marketplace);
  return connected.success ? connected.data : null;
}

export const CHUNK_SIZE = 500;

export function* chunks<T>(items: T[], size = CHUNK_SIZE): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
