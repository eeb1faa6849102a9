import { count, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Marketplace, StatusOutput, SyncRunView } from "@/lib/validation/audible";
import type { Db } from "@/server/db";
import { prepared } from "@/server/db/prepared";
import { heldAudibleTitles } from "@/server/db/queries/audible-library";
import { availabilityFor } from "../availability";
import { audibleAccounts, media, syncRuns, userMedia, users } from "@/server/db/schema";

export function toRunView(run: typeof syncRuns.$inferSelect): SyncRunView {
  const { userId: _userId, attempt: _attempt, heartbeatAt: _heartbeat, ...view } = run;
  return view;
}

const latestRun = alias(syncRuns, "latest_run");
const previousRun = alias(syncRuns, "previous_run");

/**
 * The plan, the Audible account, its title count and the two newest sync runs in one statement: the
 * status poll runs every few seconds per open tab, so it pays one round trip instead of four. Each run
 * is picked by its own subquery (ties broken by id, so the two never pick the same run), keeping the
 * result to one row; the count runs only when there is an account to count for. Prepared once.
 */
function statusStatement(db: Db, name: string) {
  const userId = sql.placeholder("userId");
  const nthRun = (offset: number) =>
    db
      .select({ id: syncRuns.id })
      .from(syncRuns)
      .where(eq(syncRuns.userId, userId))
      .orderBy(desc(syncRuns.createdAt), desc(syncRuns.id))
      .limit(1)
      .offset(offset);
  const heldTitles = db
    .select({ n: count() })
    .from(userMedia)
    .innerJoin(media, eq(media.id, userMedia.mediaId))
    .where(heldAudibleTitles(userId, audibleAccounts.marketplace));
  return db
    .select({
      plan: users.plan,
      // Display fields only: the status poll has no use for the vault's ciphertext columns.
      account: {
        id: audibleAccounts.id,
        marketplace: audibleAccounts.marketplace,
        customerName: audibleAccounts.customerName,
        deviceName: audibleAccounts.deviceName,
        connectedAt: audibleAccounts.connectedAt,
        lastSyncAt: audibleAccounts.lastSyncAt,
        lastSyncError: audibleAccounts.lastSyncError,
        status: audibleAccounts.status,
      },
      titleCount: sql<
        number | null
      >`case when ${audibleAccounts.id} is null then null else (${heldTitles}) end`.mapWith(Number),
      latest: latestRun,
      previous: previousRun,
    })
    .from(users)
    .leftJoin(audibleAccounts, eq(audibleAccounts.userId, users.id))
    .leftJoin(latestRun, eq(latestRun.id, sql`(${nthRun(0)})`))
    .leftJoin(previousRun, eq(previousRun.id, sql`(${nthRun(1)})`))
    .where(eq(users.id, userId))
    .limit(1)
    .prepare(name);
}

/** Only display fields leave here: the output schema has no room for a token or ciphertext. */
export async function connectionStatus(db: Db, userId: string): Promise<StatusOutput> {
  const [row] = await prepared(db, "audible-status", (name) => statusStatement(db, name)).execute({ userId });
  const availability = availabilityFor(row?.plan ?? "basic");
  const account = row?.account;
  if (!account) return { connected: false, availability };
  const { latest, previous } = row;
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
    titleCount: row.titleCount ?? 0,
    activeRun: active ? toRunView(active) : null,
    lastRun: last ? toRunView(last) : null,
  };
}
