import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatKeyEntry, parseKeyring } from "./keyring";
import { rotateSecrets, type RotationUpdate, type SecretRow } from "./rotate";
import { createVault } from "./vault";

const k1 = formatKeyEntry("k1", randomBytes(32));
const k2 = formatKeyEntry("k2", randomBytes(32));
const before = createVault(parseKeyring(k1));
const after = createVault(parseKeyring(`${k2},${k1}`));
const columns = ["access_token", "refresh_token", "device_private_key"] as const;

/** An in-memory table with the same contract a Drizzle query would give. */
function table(count: number) {
  const rows = new Map<number, SecretRow<number>>();
  for (let id = 1; id <= count; id += 1) {
    const userId = `user-${id}`;
    const secrets = Object.fromEntries(columns.map((c) => [c, before.encrypt(userId, c, `${c}-${id}`)]));
    rows.set(id, { id, userId, secrets: { ...secrets, cookies: null } });
  }
  const updates: RotationUpdate<number>[] = [];
  return {
    rows,
    updates,
    listBatch: async (afterId: number | null, limit: number) =>
      [...rows.values()]
        .filter((r) => r.id > (afterId ?? 0))
        .slice(0, limit)
        .map((r) => ({ ...r, secrets: { ...r.secrets } })),
    updateRow: async (update: RotationUpdate<number>) => {
      const row = rows.get(update.id);
      if (!row) return false;
      // Compare-and-set, as the real update must do.
      if (Object.entries(update.previous).some(([c, v]) => row.secrets[c] !== v)) return false;
      Object.assign(row.secrets, update.secrets);
      updates.push(update);
      return true;
    },
  };
}

describe("rotateSecrets", () => {
  it("moves every secret to the newest key and is idempotent", async () => {
    const t = table(25);
    const report = await rotateSecrets({
      vault: after,
      listBatch: t.listBatch,
      updateRow: t.updateRow,
      batchSize: 10,
    });
    expect(report).toMatchObject({
      scanned: 25,
      rotated: 25,
      skipped: 0,
      conflicts: 0,
      failed: [],
      cursor: 25,
    });
    for (const row of t.rows.values()) {
      for (const c of columns) {
        const value = row.secrets[c] ?? "";
        expect(after.needsRotation(value)).toBe(false);
        expect(after.decrypt(row.userId, c, value)).toBe(`${c}-${row.id}`);
      }
      expect(row.secrets.cookies).toBeNull();
    }
    expect(t.updates.every((u) => u.kid === "k2")).toBe(true);
    const again = await rotateSecrets({
      vault: after,
      listBatch: t.listBatch,
      updateRow: t.updateRow,
      batchSize: 10,
    });
    expect(again).toMatchObject({ scanned: 25, rotated: 0, skipped: 25 });
    expect(t.updates).toHaveLength(25);
  });

  it("resumes from the cursor of an interrupted run", async () => {
    const t = table(30);
    let calls = 0;
    const crashing = async (u: RotationUpdate<number>) => {
      calls += 1;
      if (calls === 13) throw new Error("connection lost");
      return t.updateRow(u);
    };
    let lastCursor: number | null = null;
    await expect(
      rotateSecrets({
        vault: after,
        listBatch: t.listBatch,
        updateRow: crashing,
        batchSize: 10,
        onBatch: (p) => void (lastCursor = p.cursor),
      }),
    ).rejects.toThrow("connection lost");
    expect(lastCursor).toBe(10);
    const resumed = await rotateSecrets({
      vault: after,
      listBatch: t.listBatch,
      updateRow: t.updateRow,
      batchSize: 10,
      startAfter: lastCursor,
    });
    expect(resumed).toMatchObject({ scanned: 20, rotated: 18, skipped: 2, cursor: 30 });
    expect(
      [...t.rows.values()].every((r) => columns.every((c) => !after.needsRotation(r.secrets[c] ?? ""))),
    ).toBe(true);
  });

  it("reports undecryptable secrets by id and column without stopping, and counts lost races", async () => {
    const t = table(3);
    const row2 = t.rows.get(2);
    if (row2) row2.secrets.refresh_token = "v1.k1.garbage";
    const racing = async (u: RotationUpdate<number>) => (u.id === 3 ? false : t.updateRow(u));
    const report = await rotateSecrets({ vault: after, listBatch: t.listBatch, updateRow: racing });
    expect(report.failed).toEqual([{ id: 2, column: "refresh_token" }]);
    expect(report).toMatchObject({ scanned: 3, rotated: 2, conflicts: 1 });
    expect(JSON.stringify(report)).not.toContain("token-");
  });
});
