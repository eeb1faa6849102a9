import type { Marketplace, StatusOutput } from "@/lib/validation/audible";
import type { Db } from "@/server/db";
import { findAudibleAccount } from "@/server/db/queries/audible-accounts";

/** Only display fields leave here: the output schema has no room for a token or ciphertext. */
export async function connectionStatus(db: Db, userId: string): Promise<StatusOutput> {
  const account = await findAudibleAccount(db, userId);
  if (!account) return { connected: false };
  return {
    connected: true,
    marketplace: account.marketplace as Marketplace,
    accountName: account.customerName,
    deviceName: account.deviceName,
    connectedSince: account.connectedAt,
    lastSyncAt: account.lastSyncAt,
    lastError: account.lastSyncError,
    needsReconnect: account.status === "reauth_required",
    titleCount: null,
  };
}
