import { eq } from "drizzle-orm";
import type { Marketplace } from "@/lib/validation/audible";
import { findAudibleAccount } from "@/server/db/queries/audible-accounts";
import { deleteImportedTitles } from "@/server/db/queries/audible-library";
import { recordAudit } from "@/server/db/queries/audit";
import { audibleAccounts, connectAttempts } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { log } from "@/server/log";
import { deregisterDevice } from "../deregister";
import { isAudibleError } from "../errors";
import { freshSecrets } from "./access-token";
import type { ConnectionDeps } from "./deps";

/**
 * Tells Amazon to forget this device (this one only), then deletes every secret we hold. If Amazon
 * cannot be reached the local delete still happens: a person who asks to disconnect must end up
 * disconnected here, and is told to remove the device at Amazon themselves.
 */
export async function disconnectAccount(
  deps: ConnectionDeps,
  input: { userId: string; keepLibrary: boolean },
) {
  const account = await findAudibleAccount(deps.db, input.userId);
  if (!account) throw new AppError("AUDIBLE_NOT_CONNECTED", "There is no Audible connection to disconnect.");

  let deregistered = false;
  try {
    const secrets = await freshSecrets(deps, account);
    await deregisterDevice({
      marketplace: account.marketplace as Marketplace,
      accessToken: secrets.accessToken,
      templates: deps.templates,
    });
    deregistered = true;
  } catch (error) {
    log.warn(
      { userId: input.userId, errorType: isAudibleError(error) ? error.code : (error as Error).name },
      "audible deregister failed; deleting the credentials here anyway",
    );
  }

  await deps.db.transaction(async (tx) => {
    await tx.delete(audibleAccounts).where(eq(audibleAccounts.id, account.id));
    await tx.delete(connectAttempts).where(eq(connectAttempts.userId, input.userId));
  });
  if (!input.keepLibrary) await deleteImportedTitles(deps.db, input.userId, account.marketplace);
  await recordAudit(deps.db, {
    userId: input.userId,
    action: "audible.disconnect",
    detail: { marketplace: account.marketplace, keepLibrary: input.keepLibrary, deregistered },
    ...deps.audit,
  });
  log.info({ userId: input.userId, deregistered, keepLibrary: input.keepLibrary }, "audible disconnected");
  return { deregistered, keptLibrary: input.keepLibrary };
}
