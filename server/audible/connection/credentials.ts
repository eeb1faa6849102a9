import { eq } from "drizzle-orm";
import type { Vault } from "@/server/crypto/vault";
import type { Db } from "@/server/db";
import { audibleAccounts } from "@/server/db/schema";
import type { DeviceRegistration } from "../register";

type AccountRow = typeof audibleAccounts.$inferSelect;

// Column names double as the vault's AAD: a ciphertext moved to another column or user fails to decrypt.
const columns = {
  accessToken: "audible_accounts.access_token",
  refreshToken: "audible_accounts.refresh_token",
  adpToken: "audible_accounts.adp_token",
  devicePrivateKey: "audible_accounts.device_private_key",
  cookies: "audible_accounts.cookies",
} as const;

export type AccountSecrets = {
  accessToken: string;
  refreshToken: string;
  adpToken: string;
  devicePrivateKey: string;
  cookies: Record<string, string>;
};

export function encryptRegistration(vault: Vault, userId: string, registration: DeviceRegistration) {
  const encrypt = (column: string, value: string) => vault.encrypt(userId, column, value);
  return {
    accessTokenEnc: encrypt(columns.accessToken, registration.accessToken),
    refreshTokenEnc: encrypt(columns.refreshToken, registration.refreshToken),
    adpTokenEnc: encrypt(columns.adpToken, registration.adpToken),
    devicePrivateKeyEnc: encrypt(columns.devicePrivateKey, registration.devicePrivateKey),
    cookiesEnc: encrypt(columns.cookies, JSON.stringify(registration.websiteCookies)),
    keyId: vault.currentKid,
    accessTokenExpiresAt: registration.accessTokenExpiresAt,
  };
}

export function decryptSecrets(vault: Vault, account: AccountRow): AccountSecrets {
  const decrypt = (column: string, value: string) => vault.decrypt(account.userId, column, value);
  return {
    accessToken: decrypt(columns.accessToken, account.accessTokenEnc),
    refreshToken: decrypt(columns.refreshToken, account.refreshTokenEnc),
    adpToken: decrypt(columns.adpToken, account.adpTokenEnc),
    devicePrivateKey: decrypt(columns.devicePrivateKey, account.devicePrivateKeyEnc),
    cookies: JSON.parse(decrypt(columns.cookies, account.cookiesEnc)) as Record<string, string>,
  };
}

export async function storeRefreshedAccessToken(
  db: Db,
  vault: Vault,
  account: AccountRow,
  refreshed: { accessToken: string; accessTokenExpiresAt: Date },
) {
  await db
    .update(audibleAccounts)
    .set({
      accessTokenEnc: vault.encrypt(account.userId, columns.accessToken, refreshed.accessToken),
      accessTokenExpiresAt: refreshed.accessTokenExpiresAt,
    })
    .where(eq(audibleAccounts.id, account.id));
}

export const secretColumns = columns;
export type { AccountRow };
