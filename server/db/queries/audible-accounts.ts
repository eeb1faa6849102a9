import { eq } from "drizzle-orm";
import type { Db } from "@/server/db";
import { audibleAccounts } from "@/server/db/schema";

export async function findAudibleAccount(db: Db, userId: string) {
  const [row] = await db.select().from(audibleAccounts).where(eq(audibleAccounts.userId, userId)).limit(1);
  return row ?? null;
}

export async function markReauthRequired(db: Db, accountId: string, errorCode: string) {
  await db
    .update(audibleAccounts)
    .set({ status: "reauth_required", lastSyncError: errorCode })
    .where(eq(audibleAccounts.id, accountId));
}
