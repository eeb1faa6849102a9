import { count, desc, eq } from "drizzle-orm";
import type { Marketplace, StatusOutput, SyncRunView } from "@/lib/validation/audible";
import type { Db } from "@/server/db";
import { findAudibleAccount } from "@/server/db/queries/audible-accounts";
import { heldAudibleTitles } from "@/server/db/queries/audible-library";
import { availabilityOf } from "../availability";
import { media, syncRuns, userMedia } from "@/server/db/schema";

export function toRunView(run: typeof syncRuns.$inferSelect): SyncRunView {
  const { userId: _userId, attempt: _attempt, heartbeatAt: _heartbeat, ...view } = run;
  return view;
}

async function countTitles(db: Db, userId: string, marketplace: string) {
  const [row] = await db
    .select({ n: count() })
    .from(userMedia)
    .innerJoin(media, eq(media.id, userMedia.mediaId))
    .where(heldAudibleTitles(userId, marketplace));
  return row?.n ?? 0;
}

/** Only display fields leave here: the output schema has no room for a token or ciphertext. */
export async function connectionStatus(db: Db, userId: string): Promise<StatusOutput> {
  const [account, availability] = await Promise.all([
    findAudibleAccount(db, userId),
    availabilityOf(db, userId),
  ]);
  if (!account) return { connected: false, availability };
  const [latest, previous] = await db
    .select()
    .from(syncRuns)
    .where(eq(syncRuns.userId, userId))
    .orderBy(desc(syncRuns.createdAt))
    .limit(2);
  const active = latest && (latest.status === "queued" || latest.status === "running") ? latest : null;
  const last = active ? previous : latest;
  return {
    connected: true,
    availability,
    marketplace: account.marketplace as Marketplace,
    accountName: account.customerName,
    deviceName: account.deviceName,
    connectedSince: account.connectedAt,
    lastSyncAt: account.lastSyncAt,
    lastError: account.lastSyncError,
    needsReconnect: account.status === "reauth_required",
    titleCount: await countTitles(db, userId, account.marketplace),
    activeRun: active ? toRunView(active) : null,
    lastRun: last ? toRunView(last) : null,
  };
}
