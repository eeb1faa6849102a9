import "server-only";
import { VaultError } from "./errors";

export type VaultKey = { kid: string; key: Buffer };
/** Newest first: the first key encrypts, every key can decrypt. */
export type Keyring = readonly [VaultKey, ...VaultKey[]];

export const KID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_PATTERN = /^[A-Za-z0-9+/_-]{43}=?$/;

function decodeKey(kid: string, text: string): Buffer {
  if (!KEY_PATTERN.test(text)) {
    throw new VaultError(
      "VAULT_KEY_INVALID",
      `TOKEN_ENCRYPTION_KEYS: key "${kid}" must be 32 bytes in base64.`,
    );
  }
  const key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== 32) {
    throw new VaultError(
      "VAULT_KEY_INVALID",
      `TOKEN_ENCRYPTION_KEYS: key "${kid}" must be 32 bytes in base64.`,
    );
  }
  // An all-same-byte key is a placeholder (zeros, "AAAA…"), never a generated secret.
  if (key.every((byte) => byte === key[0])) {
    throw new VaultError(
      "VAULT_KEY_INVALID",
      `TOKEN_ENCRYPTION_KEYS: key "${kid}" is a placeholder, generate a random one.`,
    );
  }
  return key;
}

/** Parses `kid:base64key,kid:base64key` (newest first). Throws a VaultError naming the bad entry, never its value. */
export function parseKeyring(text: string): Keyring {
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const keys = entries.map((entry, index): VaultKey => {
    const colon = entry.indexOf(":");
    const kid = colon > 0 ? entry.slice(0, colon).trim() : "";
    if (!KID_PATTERN.test(kid)) {
      throw new VaultError(
        "VAULT_KEY_INVALID",
        `TOKEN_ENCRYPTION_KEYS: entry ${index + 1} needs "kid:base64key" with a kid of [A-Za-z0-9_-]{1,32}.`,
      );
    }
    return { kid, key: decodeKey(kid, entry.slice(colon + 1).trim()) };
  });
  const [first, ...rest] = keys;
  if (!first) throw new VaultError("VAULT_KEY_MISSING", "TOKEN_ENCRYPTION_KEYS is empty.");
  const kids = new Set(keys.map((k) => k.kid));
  if (kids.size !== keys.length)
    throw new VaultError("VAULT_KEY_INVALID", "TOKEN_ENCRYPTION_KEYS: key ids must be unique.");
  return [first, ...rest];
}

export function formatKeyEntry(kid: string, key: Buffer): string {
  return `${kid}:${key.toString("base64")}`;
}
