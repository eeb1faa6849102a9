import type { Vault } from "@/server/crypto/vault";
import type { Db } from "@/server/db";
import { markReauthRequired } from "@/server/db/queries/audible-accounts";
import { metrics } from "@/server/metrics";
import { isAudibleError } from "../errors";
import type { BaseTemplates } from "../hosts";
import type { AudibleCountryCode } from "../locales";
import { refreshAccessToken } from "../refresh";
import { createSingleFlight } from "../single-flight";
import {
  decryptSecrets,
  storeRefreshedAccessToken,
  type AccountRow,
  type AccountSecrets,
} from "./credentials";

// Refreshing a little early keeps a token from expiring between the check and the call.
const EARLY_REFRESH_MS = 5 * 60 * 1000;
const refreshes = createSingleFlight<AccountSecrets>();

/**
 * Secrets with a usable access token (`force` when Audible refused one we thought valid: its clock or a
 * revocation decides, not our expiry estimate). Concurrent callers for one account share one refresh; a refused
 * refresh marks the account reauth_required and rethrows, so callers surface "reconnect".
 */
export function freshSecrets(
  deps: { db: Db; vault: Vault; templates: BaseTemplates; now: () => Date },
  account: AccountRow,
  options: { force?: boolean } = {},
): Promise<AccountSecrets> {
  const secrets = decryptSecrets(deps.vault, account);
  const stillValid = account.accessTokenExpiresAt.getTime() - EARLY_REFRESH_MS > deps.now().getTime();
  if (stillValid && !options.force) return Promise.resolve(secrets);
  return refreshes.run(account.id, async () => {
    try {
      const refreshed = await refreshAccessToken({
        marketplace: account.marketplace as AudibleCountryCode,
        refreshToken: secrets.refreshToken,
        templates: deps.templates,
        now: () => deps.now().getTime(),
      });
      await storeRefreshedAccessToken(deps.db, deps.vault, account, refreshed);
      return { ...secrets, accessToken: refreshed.accessToken };
    } catch (error) {
      metrics.refreshFailures.inc({ code: isAudibleError(error) ? error.code : "INTERNAL" });
      if (isAudibleError(error, "AUDIBLE_REAUTH_REQUIRED"))
        await markReauthRequired(deps.db, account.id, error.code);
      throw error;
    }
  });
}
