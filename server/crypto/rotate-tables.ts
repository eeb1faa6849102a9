import { and, asc, eq, gt, type SQL } from "drizzle-orm";
import type { Db } from "@/server/db";
import { audibleAccounts, connectAttempts } from "@/server/db/schema";
import { VERIFIER_COLUMN } from "@/server/audible/connection/attempts";
import { secretColumns } from "@/server/audible/connection/credentials";
import { rotateSecrets, type RotationReport } from "./rotate";
import type { Vault } from "./vault";

// The AAD column name → the Drizzle column holding its ciphertext.
const accountColumns = {
  [secretColumns.accessToken]: audibleAccounts.accessTokenEnc,
  [secretColumns.refreshToken]: audibleAccounts.refreshTokenEnc,
  [secretColumns.adpToken]: audibleAccounts.adpTokenEnc,
  [secretColumns.devicePrivateKey]: audibleAccounts.devicePrivateKeyEnc,
  [secretColumns.cookies]: audibleAccounts.cookiesEnc,
} as const;
const accountFields = {
  [secretColumns.accessToken]: "accessTokenEnc",
  [secretColumns.refreshToken]: "refreshTokenEnc",
  [secretColumns.adpToken]: "adpTokenEnc",
  [secretColumns.devicePrivateKey]: "devicePrivateKeyEnc",
  [secretColumns.cookies]: "cookiesEnc",
} as const;
type AccountAad = keyof typeof accountColumns;

export type TableCursors = { audibleAccounts: string | null; connectAttempts: string | null };

/** Re-encrypts every stored secret under the vault's newest key; `start` resumes from saved cursors. */
export async function rotateStoredSecrets(
  db: Db,
  vault: Vault,
  options: {
    start?: Partial<TableCursors>;
    onProgress?: (cursors: TableCursors) => void | Promise<void>;
  } = {},
) {
  const cursors: TableCursors = {
    audibleAccounts: options.start?.audibleAccounts ?? null,
    connectAttempts: options.start?.connectAttempts ?? null,
  };
  const save = (table: keyof TableCursors) => async (report: RotationReport<string>) => {
    cursors[table] = report.cursor;
    await options.onProgress?.({ ...cursors });
  };

  const accounts = await rotateSecrets<string>({
    vault,
    startAfter: cursors.audibleAccounts,
    onBatch: save("audibleAccounts"),
    listBatch: async (after, limit) => {
      const rows = await db
        .select()
        .from(audibleAccounts)
        .where(after ? gt(audibleAccounts.id, after) : undefined)
        .orderBy(asc(audibleAccounts.id))
        .limit(limit);
      return rows.map((row) => ({
        id: row.id,
        userId: row.userId,
        secrets: Object.fromEntries(
          (Object.keys(accountFields) as AccountAad[]).map((aad) => [aad, row[accountFields[aad]]]),
        ),
      }));
    },
    updateRow: async (update) => {
      const set: Record<string, string> = { keyId: update.kid };
      const unchanged: SQL[] = [eq(audibleAccounts.id, update.id)];
      for (const [aad, ciphertext] of Object.entries(update.secrets)) {
        set[accountFields[aad as AccountAad]] = ciphertext;
        unchanged.push(eq(accountColumns[aad as AccountAad], update.previous[aad]!));
      }
      const changed = await db
        .update(audibleAccounts)
        .set(set)
        .where(and(...unchanged))
        .returning({ id: audibleAccounts.id });
      return changed.length === 1;
    },
  });

  const attempts = await rotateSecrets<string>({
    vault,
    startAfter: cursors.connectAttempts,
    onBatch: save("connectAttempts"),
    listBatch: async (after, limit) => {
      const rows = await db
        .select()
        .from(connectAttempts)
        .where(after ? gt(connectAttempts.idHash, after) : undefined)
        .orderBy(asc(connectAttempts.idHash))
        .limit(limit);
      return rows.map((row) => ({
        id: row.idHash,
        userId: row.userId,
        secrets: { [VERIFIER_COLUMN]: row.codeVerifierEnc },
      }));
    },
    updateRow: async (update) => {
      const ciphertext = update.secrets[VERIFIER_COLUMN]!;
      const changed = await db
        .update(connectAttempts)
        .set({ codeVerifierEnc: ciphertext, keyId: update.kid })
        .where(
          and(
            eq(connectAttempts.idHash, update.id),
            eq(connectAttempts.codeVerifierEnc, update.previous[VERIFIER_COLUMN]!),
          ),
        )
        .returning({ id: connectAttempts.idHash });
      return changed.length === 1;
    },
  });
  return { accounts, attempts };
}
