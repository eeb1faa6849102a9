import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VaultError } from "./errors";
import { formatKeyEntry, parseKeyring } from "./keyring";
import { createVault, loadKeyringFromEnv } from "./vault";

const entry = (kid: string) => formatKeyEntry(kid, randomBytes(32));
const vault = createVault(parseKeyring(entry("k1")));

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof VaultError ? error.code : `untyped:${String(error)}`;
  }
}

/** Replaces one dot-separated part of a ciphertext. */
const withPart = (ciphertext: string, index: number, edit: (part: string) => string) =>
  ciphertext
    .split(".")
    .map((part, i) => (i === index ? edit(part) : part))
    .join(".");

const flipFirstChar = (part: string) => (part[0] === "A" ? "B" : "A") + part.slice(1);

describe("token vault", () => {
  it("round-trips any string and never repeats a ciphertext", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (plaintext) => {
        const a = vault.encrypt("user-1", "refresh_token", plaintext);
        const b = vault.encrypt("user-1", "refresh_token", plaintext);
        expect(a).not.toBe(b);
        expect(vault.decrypt("user-1", "refresh_token", a)).toBe(plaintext);
      }),
      { numRuns: 200 },
    );
    const big = "x".repeat(10_000);
    expect(vault.decrypt("u", "c", vault.encrypt("u", "c", big))).toBe(big);
  });

  it("writes the versioned text format with the key id and no plaintext", () => {
    const ciphertext = vault.encrypt("user-1", "access_token", "Atna|canary");
    expect(ciphertext).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(ciphertext).not.toContain("canary");
    expect(Buffer.from(ciphertext, "base64url").toString("latin1")).not.toContain("canary");
  });

  it("refuses tampered iv, tag, body, version and kid", () => {
    const ciphertext = vault.encrypt("user-1", "refresh_token", "Atnr|secret");
    for (const index of [2, 3, 4]) {
      expect(
        codeOf(() => vault.decrypt("user-1", "refresh_token", withPart(ciphertext, index, flipFirstChar))),
      ).toBe("VAULT_DECRYPT_FAILED");
    }
    expect(
      codeOf(() =>
        vault.decrypt(
          "user-1",
          "refresh_token",
          withPart(ciphertext, 0, () => "v2"),
        ),
      ),
    ).toBe("VAULT_DECRYPT_FAILED");
    expect(
      codeOf(() =>
        vault.decrypt(
          "user-1",
          "refresh_token",
          withPart(ciphertext, 1, () => "k9"),
        ),
      ),
    ).toBe("VAULT_UNKNOWN_KEY");
    const twoKeys = createVault(parseKeyring(`${entry("k2")},${entry("k1")}`));
    expect(
      codeOf(() =>
        twoKeys.decrypt(
          "user-1",
          "refresh_token",
          withPart(ciphertext, 1, () => "k2"),
        ),
      ),
    ).toBe("VAULT_DECRYPT_FAILED");
    expect(codeOf(() => vault.decrypt("user-1", "refresh_token", `${ciphertext}.x`))).toBe(
      "VAULT_DECRYPT_FAILED",
    );
    expect(codeOf(() => vault.decrypt("user-1", "refresh_token", "not a ciphertext"))).toBe(
      "VAULT_DECRYPT_FAILED",
    );
  });

  it("refuses any single-character change (fuzz)", () => {
    const ciphertext = vault.encrypt("user-1", "refresh_token", "Atnr|secret");
    fc.assert(
      fc.property(fc.nat({ max: ciphertext.length - 1 }), fc.constantFrom(..."ABCxyz019-_."), (at, char) => {
        fc.pre(ciphertext[at] !== char);
        const altered = ciphertext.slice(0, at) + char + ciphertext.slice(at + 1);
        expect(codeOf(() => vault.decrypt("user-1", "refresh_token", altered))).toMatch(/^VAULT_/);
      }),
    );
  });

  it("refuses a truncated or extended tag", () => {
    const ciphertext = vault.encrypt("user-1", "refresh_token", "Atnr|secret");
    const tag = Buffer.from(ciphertext.split(".")[3] ?? "", "base64url");
    for (const bytes of [tag.subarray(0, 4), tag.subarray(0, 12), Buffer.concat([tag, Buffer.from([0])])]) {
      expect(
        codeOf(() =>
          vault.decrypt(
            "user-1",
            "refresh_token",
            withPart(ciphertext, 3, () => bytes.toString("base64url")),
          ),
        ),
      ).toBe("VAULT_DECRYPT_FAILED");
    }
  });

  it("binds ciphertexts to the user and the column (AAD swap refused)", () => {
    const ciphertext = vault.encrypt("user-1", "refresh_token", "Atnr|secret");
    expect(codeOf(() => vault.decrypt("user-2", "refresh_token", ciphertext))).toBe("VAULT_DECRYPT_FAILED");
    expect(codeOf(() => vault.decrypt("user-1", "access_token", ciphertext))).toBe("VAULT_DECRYPT_FAILED");
    expect(codeOf(() => vault.decrypt("user-1", "refresh_token", ciphertext))).toBeUndefined();
  });

  it("decrypts old keys and flags them for rotation", () => {
    const k1 = entry("k1");
    const old = createVault(parseKeyring(k1)).encrypt("u", "c", "s");
    const rotated = createVault(parseKeyring(`${entry("k2")},${k1}`));
    expect(rotated.decrypt("u", "c", old)).toBe("s");
    expect(rotated.needsRotation(old)).toBe(true);
    expect(rotated.needsRotation(rotated.encrypt("u", "c", "s"))).toBe(false);
    expect(rotated.currentKid).toBe("k2");
  });
});

describe("keyring", () => {
  it("refuses missing, short, placeholder, malformed and duplicate keys with a clear typed error", () => {
    expect(codeOf(() => parseKeyring(""))).toBe("VAULT_KEY_MISSING");
    expect(codeOf(() => parseKeyring(`k1:${randomBytes(16).toString("base64")}`))).toBe("VAULT_KEY_INVALID");
    expect(codeOf(() => parseKeyring(`k1:${Buffer.alloc(32).toString("base64")}`))).toBe("VAULT_KEY_INVALID");
    expect(codeOf(() => parseKeyring(randomBytes(32).toString("base64")))).toBe("VAULT_KEY_INVALID");
    expect(codeOf(() => parseKeyring(`bad.kid:${randomBytes(32).toString("base64")}`))).toBe(
      "VAULT_KEY_INVALID",
    );
    expect(codeOf(() => parseKeyring(`${entry("k1")},${entry("k1")}`))).toBe("VAULT_KEY_INVALID");
    const secret = randomBytes(32).toString("base64");
    try {
      parseKeyring(`k1:${secret.slice(0, 40)}`);
    } catch (error) {
      expect(String(error)).not.toContain(secret.slice(0, 40));
    }
    expect(
      parseKeyring(` k2:${randomBytes(32).toString("base64url")} , ${entry("k1")}`).map((k) => k.kid),
    ).toEqual(["k2", "k1"]);
  });

  it("refuses to start in production without keys", () => {
    expect(codeOf(() => loadKeyringFromEnv({ NODE_ENV: "production" }))).toBe("VAULT_KEY_MISSING");
    expect(
      codeOf(() => loadKeyringFromEnv({ NODE_ENV: "production", TOKEN_ENCRYPTION_KEYS: "k1:short" })),
    ).toBe("VAULT_KEY_INVALID");
    expect(loadKeyringFromEnv({ NODE_ENV: "production", TOKEN_ENCRYPTION_KEYS: entry("p1") })[0].kid).toBe(
      "p1",
    );
  });

  it("generates a development key once into a 0600 file and reuses it", () => {
    const file = join(mkdtempSync(join(tmpdir(), "vault-")), ".data", "token-keys.json");
    const first = loadKeyringFromEnv({ NODE_ENV: "development" }, file);
    const second = loadKeyringFromEnv({ NODE_ENV: "development" }, file);
    expect(second[0].kid).toBe(first[0].kid);
    expect(second[0].key.equals(first[0].key)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveProperty("TOKEN_ENCRYPTION_KEYS");
  });
});
