import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createVault, loadKeyringFromEnv } from "@/server/crypto/vault";
import { rotateStoredSecrets, type TableCursors } from "@/server/crypto/rotate-tables";
import { openDb } from "@/server/db/client";

// Progress is saved after every batch, so an interrupted run picks up where it stopped.
const progressFile = path.resolve(".data/keys-rotate-progress.json");
const restart = process.argv.includes("--restart");
const start: Partial<TableCursors> =
  !restart && existsSync(progressFile)
    ? (JSON.parse(readFileSync(progressFile, "utf8")) as TableCursors)
    : {};

const vault = createVault(loadKeyringFromEnv());
const handle = await openDb({
  url: process.env.DATABASE_URL || undefined,
  pgliteDir: process.env.PGLITE_DIR || "./.data/pglite",
});
try {
  mkdirSync(path.dirname(progressFile), { recursive: true });
  const report = await rotateStoredSecrets(handle.db, vault, {
    start,
    onProgress: (cursors) => writeFileSync(progressFile, JSON.stringify(cursors)),
  });
  rmSync(progressFile, { force: true });
  for (const [table, result] of Object.entries(report)) {
    console.log(
      `${table}: ${result.scanned} rows, ${result.rotated} re-encrypted under "${vault.currentKid}", ` +
        `${result.skipped} already current, ${result.conflicts} changed meanwhile, ${result.failed.length} unreadable`,
    );
    for (const failure of result.failed)
      console.log(`  unreadable: row ${failure.id} column ${failure.column}`);
  }
  if (Object.values(report).some((r) => r.failed.length > 0)) process.exitCode = 1;
} finally {
  await handle.close();
}
