import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Development only: a secret generated once into `.data/` so `npm run dev` needs no `.env`.
 * Production configuration must provide every secret (lib/env.ts enforces it).
 */
export function readOrCreateDevSecret(name: string, create: () => string): string {
  if (process.env.NODE_ENV === "production") {
    throw new Error(`${name} is not configured; production never generates secrets.`);
  }
  const dir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), ".data");
  const file = path.join(dir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const value = create();
  try {
    writeFileSync(file, value, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process created it first: use theirs so both agree.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
  chmodSync(file, 0o600);
  return value;
}
