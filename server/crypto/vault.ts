import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { withFailureCounts } from "./counted-vault";
import { loadOrCreateDevKeyring } from "./dev-keys";
import { VaultError } from "./errors";
import { parseKeyring, type Keyring, type VaultKey } from "./keyring";

export type Vault = {
  /** Key id new ciphertexts carry. */
  readonly currentKid: string;
  encrypt(userId: string, column: string, plaintext: string): string;
  decrypt(userId: string, column: string, ciphertext: string): string;
  /** True when the ciphertext is not under the newest key (or is unreadable as a vault value). */
  needsRotation(ciphertext: string): boolean;
};

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const B64URL = /^[A-Za-z0-9_-]*$/;

/** Domain-separated per-user key: a leaked subkey exposes one user, and HKDF is cheap unlike PBKDF2. */
function userKey(master: VaultKey, userId: string): Buffer {
  return Buffer.from(
    hkdfSync("sha256", master.key, "media-feed/token-vault", `${VERSION}|user:${userId}`, 32),
  );
}

/** AAD binds a ciphertext to its owner and column, so swapping rows or columns fails authentication. */
function aad(kid: string, userId: string, column: string): Buffer {
  return Buffer.from(JSON.stringify(["media-feed/token-vault", VERSION, kid, userId, column]), "utf8");
}

/** Strict base64url: Buffer.from() silently skips junk, so re-encode to catch altered text. */
function decodePart(text: string, expectedBytes?: number): Buffer | undefined {
  if (!B64URL.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64url");
  if (bytes.toString("base64url") !== text) return undefined;
  if (expectedBytes !== undefined && bytes.length !== expectedBytes) return undefined;
  return bytes;
}

function parseCiphertext(ciphertext: string) {
  const parts = ciphertext.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) return undefined;
  const [, kid = "", iv = "", tag = "", body = ""] = parts;
  const bytes = { iv: decodePart(iv, IV_BYTES), tag: decodePart(tag, TAG_BYTES), body: decodePart(body) };
  if (!bytes.iv || !bytes.tag || !bytes.body) return undefined;
  return { kid, iv: bytes.iv, tag: bytes.tag, body: bytes.body };
}

const decryptFailed = () => new VaultError("VAULT_DECRYPT_FAILED", "A stored secret could not be decrypted.");

export function createVault(keyring: Keyring): Vault {
  const [newest] = keyring;
  const byKid = new Map(keyring.map((k) => [k.kid, k]));

  return {
    currentKid: newest.kid,
    encrypt(userId, column, plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", userKey(newest, userId), iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(aad(newest.kid, userId, column));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url"));
      return [VERSION, newest.kid, ...parts].join(".");
    },
    decrypt(userId, column, ciphertext) {
      const parsed = parseCiphertext(ciphertext);
      if (!parsed) throw decryptFailed();
      const key = byKid.get(parsed.kid);
      if (!key)
        throw new VaultError("VAULT_UNKNOWN_KEY", `No key with id "${parsed.kid}" in TOKEN_ENCRYPTION_KEYS.`);
      try {
        // authTagLength makes Node refuse truncated tags (DEP0182), which it would otherwise accept.
        const decipher = createDecipheriv("aes-256-gcm", userKey(key, userId), parsed.iv, {
          authTagLength: TAG_BYTES,
        });
        decipher.setAAD(aad(parsed.kid, userId, column));
        decipher.setAuthTag(parsed.tag);
        return Buffer.concat([decipher.update(parsed.body), decipher.final()]).toString("utf8");
      } catch {
        throw decryptFailed();
      }
    },
    needsRotation(ciphertext) {
      return parseCiphertext(ciphertext)?.kid !== newest.kid;
    },
  };
}

export type VaultEnv = { TOKEN_ENCRYPTION_KEYS?: string; NODE_ENV?: string };

/** Production refuses to run without keys; development falls back to a generated `.data/` key. */
export function loadKeyringFromEnv(env: VaultEnv = process.env, devKeyFile?: string): Keyring {
  const configured = env.TOKEN_ENCRYPTION_KEYS?.trim();
  if (configured) return parseKeyring(configured);
  if (env.NODE_ENV === "production") {
    throw new VaultError(
      "VAULT_KEY_MISSING",
      'TOKEN_ENCRYPTION_KEYS is required in production: "kid:base64-32-byte-key" (newest first). Generate one with `openssl rand -base64 32`.',
    );
  }
  return loadOrCreateDevKeyring(devKeyFile);
}

let shared: Vault | undefined;

/** The process-wide vault, built from the environment on first use (call it at start-up to fail fast). */
export function getVault(): Vault {
  shared ??= withFailureCounts(createVault(loadKeyringFromEnv()));
  return shared;
}
