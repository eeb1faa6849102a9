import { eq } from "drizzle-orm";
import { disconnectAccount } from "@/server/audible/connection/disconnect";
import type { ConnectionDeps } from "@/server/audible/connection/deps";
import { forgetSessionsOf } from "@/server/auth/session";
import { findAudibleAccount } from "@/server/db/queries/audible-accounts";
import { findAccountProfile } from "@/server/db/queries/users";
import { users } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { log } from "@/server/log";

/**
 * Deletes a person and everything of theirs. The Audible device is deregistered first, so no working
 * credential outlives the account at Amazon; then one delete of the user row cascades to tokens,
 * attempts, sync runs, library rows and audit entries. Shared catalogue rows stay for other people.
 */
export async function deleteAccount(deps: ConnectionDeps, input: { userId: string; confirmEmail: string }) {
  const profile = await findAccountProfile(deps.db, input.userId);
  if (!profile) throw new AppError("UNAUTHENTICATED", "Your account no longer exists.");
  if (input.confirmEmail.trim().toLowerCase() !== profile.email) {
    throw new AppError("VALIDATION_FAILED", "Type your email address exactly as shown to confirm.");
  }
  let deregistered: boolean | null = null;
  if (await findAudibleAccount(deps.db, input.userId)) {
    ({ deregistered } = await disconnectAccount(deps, { userId: input.userId, keepLibrary: false }));
  }
  await deps.db.delete(users).where(eq(users.id, input.userId));
  // Other processes notice within the session cache's minute, when they look the person up again.
  forgetSessionsOf(input.userId);
  log.info({ userId: input.userId, deregistered }, "account deleted");
  return { deleted: true as const, audibleDeregistered: deregistered };
}
