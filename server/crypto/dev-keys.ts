import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { VaultError } from "./errors";
import { formatKeyEntry, parseKeyring, type Keyring } from "./keyring";

const devKeyFileSchema = z.object({ TOKEN_ENCRYPTION_KEYS: z.string().min(1) });

export const defaultDevKeyFile = () =>
  resolve(/*turbopackIgnore: true*/ process.cwd(), ".data", "token-keys.json");

function readKeyFile(path: string): Keyring {
  const parsed = devKeyFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
  if (!parsed.success)
    throw new VaultError("VAULT_KEY_INVALID", `${path} is not a token key file; delete it to start over.`);
  return parseKeyring(parsed.data.TOKEN_ENCRYPTION_KEYS);
}

/**
 * Development only: a key generated once into `.data/` (git-ignored, mode 0600) so secrets stored
 * by one `npm run dev` still decrypt after a restart. Losing the file means reconnecting accounts.
 */
export function loadOrCreateDevKeyring(path: string = defaultDevKeyFile()): Keyring {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const content = `${JSON.stringify({ TOKEN_ENCRYPTION_KEYS: formatKeyEntry(`dev-${randomBytes(3).toString("hex")}`, randomBytes(32)) }, null, 2)}\n`;
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  writeFileSync(temp, content, { mode: 0o600, flag: "wx" });
  try {
    // link() publishes the complete file atomically and fails if another process won the race.
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    chmodSync(path, 0o600);
  } finally {
    rmSync(temp, { force: true });
  }
  return readKeyFile(path);
}
