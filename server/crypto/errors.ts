export const vaultErrorCodes = [
  "VAULT_KEY_MISSING",
  "VAULT_KEY_INVALID",
  "VAULT_UNKNOWN_KEY",
  "VAULT_DECRYPT_FAILED",
] as const satisfies readonly string[];

export type VaultErrorCode = (typeof vaultErrorCodes)[number];

/** Messages never contain key material, ciphertext or plaintext: they are safe to log as is. */
export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "VaultError";
  }
}
