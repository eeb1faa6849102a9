import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAttempt } from "@/server/audible/connection/attempts";
import { decryptSecrets, encryptRegistration } from "@/server/audible/connection/credentials";
import { readBaseTemplates } from "@/server/audible/hosts";
import type { DbHandle } from "@/server/db/client";
import { audibleAccounts, connectAttempts } from "@/server/db/schema";
import { createTestDb } from "@/server/testing/test-db";
import { signedInCaller } from "@/server/testing/users";
import { rotateStoredSecrets } from "./rotate-tables";
import { createVault } from "./vault";

const key = () => ({ kid: `k${randomBytes(3).toString("hex")}`, key: randomBytes(32) });
const oldKey = key();
const newKey = key();
const oldVault = createVault([oldKey]);
const rotatedVault = createVault([newKey, oldKey]);

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

const registration = {
  accessToken: "Atna|canary-access",
  refreshToken: "Atnr|canary-refresh",
  accessTokenExpiresAt: new Date(Date.now() + 3_600_000),
  adpToken: "{enc:x}{key:y}{iv:z}{name:n}{serial:Mg==}",
  devicePrivateKey: "-----BEGIN PRIVATE KEY-----\ncanary\n-----END PRIVATE KEY-----",
  websiteCookies: { "session-id": "canary-cookie" },
  storeAuthenticationCookie: null,
  device: { name: "Media Feed for iPhone", serial: "A".repeat(32), type: "A2CZJZGLK2JJVM" },
  customer: { userId: "amzn1.account.X", name: "Ada", givenName: "Ada", homeRegion: "NA" },
};

describe("rotateStoredSecrets", () => {
  it("moves every secret to the newest key, keeps them readable, and does nothing the second time", async () => {
    const users = await Promise.all([
      signedInCaller(handle.db),
      signedInCaller(handle.db),
      signedInCaller(handle.db),
    ]);
    for (const { user } of users) {
      await handle.db.insert(audibleAccounts).values({
        userId: user.id,
        marketplace: "us",
        amazonUserId: "amzn1.account.X",
        deviceSerial: "A".repeat(32),
        deviceName: "Media Feed for iPhone",
        ...encryptRegistration(oldVault, user.id, registration),
      });
      await startAttempt(
        { db: handle.db, vault: oldVault, templates: readBaseTemplates({}), now: new Date() },
        { userId: user.id, marketplace: "us", withState: false },
      );
    }

    const saved: unknown[] = [];
    const first = await rotateStoredSecrets(handle.db, rotatedVault, {
      onProgress: (c) => void saved.push(c),
    });
    expect(first.accounts).toMatchObject({ scanned: 3, rotated: 3, failed: [] });
    expect(first.attempts).toMatchObject({ scanned: 3, rotated: 3, failed: [] });
    expect(saved.length).toBeGreaterThan(0);

    const accounts = await handle.db.select().from(audibleAccounts);
    for (const account of accounts) {
      expect(account.keyId).toBe(newKey.kid);
      expect(account.refreshTokenEnc).toContain(`.${newKey.kid}.`);
      // Readable with the new key alone: the old one can be retired.
      expect(decryptSecrets(createVault([newKey]), account).refreshToken).toBe("Atnr|canary-refresh");
    }
    expect((await handle.db.select().from(connectAttempts)).every((row) => row.keyId === newKey.kid)).toBe(
      true,
    );

    const second = await rotateStoredSecrets(handle.db, rotatedVault);
    expect(second.accounts).toMatchObject({ rotated: 0, skipped: 3 });
    expect(second.attempts).toMatchObject({ rotated: 0, skipped: 3 });
  });

  it("resumes after the saved cursor", async () => {
    const newest = key();
    const vault = createVault([newest, newKey, oldKey]);
    const ids = (await handle.db.select({ id: audibleAccounts.id }).from(audibleAccounts))
      .map((r) => r.id)
      .sort();
    const resumed = await rotateStoredSecrets(handle.db, vault, { start: { audibleAccounts: ids[0]! } });
    expect(resumed.accounts).toMatchObject({ scanned: 2, rotated: 2 });
  });
});
