import "server-only";
import type { Vault } from "./vault";

export type RowId = string | number | bigint;

export type SecretRow<Id extends RowId = RowId> = {
  id: Id;
  /** The user whose subkey and AAD the secrets are bound to. */
  userId: string;
  /** Column name → ciphertext (null/undefined columns are left alone). */
  secrets: Record<string, string | null | undefined>;
};

export type RotationUpdate<Id extends RowId = RowId> = {
  id: Id;
  userId: string;
  /** Only the columns that changed, re-encrypted under `kid`. */
  secrets: Record<string, string>;
  /** The ciphertexts they replace: update with `WHERE col = previous` so a concurrent write is not lost. */
  previous: Record<string, string>;
  kid: string;
};

export type RotateOptions<Id extends RowId> = {
  vault: Vault;
  /** Rows with id > `after` (all rows when null), ordered by id ascending, at most `limit`. */
  listBatch: (after: Id | null, limit: number) => Promise<ReadonlyArray<SecretRow<Id>>>;
  /** Returns false when the row changed meanwhile (compare-and-set missed); it is then counted, not retried. */
  updateRow: (update: RotationUpdate<Id>) => Promise<boolean | void>;
  batchSize?: number;
  /** Resume point from a previous run's `cursor`. */
  startAfter?: Id | null;
  onBatch?: (progress: RotationReport<Id>) => void | Promise<void>;
};

export type RotationReport<Id extends RowId = RowId> = {
  scanned: number;
  rotated: number;
  skipped: number;
  conflicts: number;
  /** Rows whose secrets could not be decrypted with any key; ids and columns only. */
  failed: Array<{ id: Id; column: string }>;
  cursor: Id | null;
};

/**
 * Re-encrypts every secret under the newest key. Idempotent: rows already on the newest key are
 * skipped. Resumable: progress is a plain id cursor, so a crashed run continues from `startAfter`.
 */
export async function rotateSecrets<Id extends RowId>(
  options: RotateOptions<Id>,
): Promise<RotationReport<Id>> {
  const { vault } = options;
  const batchSize = options.batchSize ?? 200;
  const report: RotationReport<Id> = {
    scanned: 0,
    rotated: 0,
    skipped: 0,
    conflicts: 0,
    failed: [],
    cursor: options.startAfter ?? null,
  };

  for (;;) {
    const rows = await options.listBatch(report.cursor, batchSize);
    for (const row of rows) {
      report.scanned += 1;
      const outcome = await rotateRow(vault, row, options.updateRow, report);
      report[outcome] += 1;
      report.cursor = row.id;
    }
    await options.onBatch?.({ ...report, failed: [...report.failed] });
    if (rows.length < batchSize) return report;
  }
}

async function rotateRow<Id extends RowId>(
  vault: Vault,
  row: SecretRow<Id>,
  updateRow: RotateOptions<Id>["updateRow"],
  report: RotationReport<Id>,
): Promise<"rotated" | "skipped" | "conflicts"> {
  const secrets: Record<string, string> = {};
  const previous: Record<string, string> = {};
  for (const [column, ciphertext] of Object.entries(row.secrets)) {
    if (ciphertext == null || !vault.needsRotation(ciphertext)) continue;
    try {
      secrets[column] = vault.encrypt(row.userId, column, vault.decrypt(row.userId, column, ciphertext));
      previous[column] = ciphertext;
    } catch {
      report.failed.push({ id: row.id, column });
    }
  }
  if (Object.keys(secrets).length === 0) return "skipped";
  const applied = await updateRow({
    id: row.id,
    userId: row.userId,
    secrets,
    previous,
    kid: vault.currentKid,
  });
  return applied === false ? "conflicts" : "rotated";
}
