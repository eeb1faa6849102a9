import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSimulator, type Simulator } from "@/e2e/simulator/server";
import { signIn } from "@/e2e/simulator/test-flow";
import { readBaseTemplates } from "@/server/audible/hosts";
import { defaultTuning } from "@/server/audible/sync/engine";
import { getVault } from "@/server/crypto/vault";
import type { DbHandle } from "@/server/db/client";
import { audibleAccounts, connectAttempts } from "@/server/db/schema";
import { drainSyncQueue } from "@/server/jobs/sync-queue";
import { log } from "@/server/log";
import { dumpAllRows } from "@/server/testing/db-dump";
import { createTestDb } from "@/server/testing/test-db";
import { signedInCaller } from "@/server/testing/users";
import { VERIFIER_COLUMN } from "./attempts";
import { decryptSecrets } from "./credentials";

let sim: Simulator;
let handle: DbHandle;
const logged: string[] = [];

beforeAll(async () => {
  sim = await startSimulator();
  for (const [key, value] of Object.entries(sim.env)) vi.stubEnv(key, value);
  handle = await createTestDb();
  log.level = "trace";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    logged.push(String(chunk));
    return true;
  });
});
afterAll(async () => {
  log.level = "silent";
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await handle.close();
  await sim.close();
});

/** Each secret as stored anywhere could spell it: raw, base64 and URL-encoded. */
function spellings(secret: string): string[] {
  return [secret, Buffer.from(secret).toString("base64"), encodeURIComponent(secret)].filter(
    (s) => s.length >= 8,
  );
}

describe("secrets never leave the vault", () => {
  it("connect, sync with a refresh, status and disconnect: no secret in the database, the logs or any response", async () => {
    const { caller, user } = await signedInCaller(handle.db);
    const vault = getVault();
    const responses: unknown[] = [];
    const call = async <T>(promise: Promise<T>) => {
      const result = await promise.catch((error: unknown) => error);
      responses.push(result instanceof Error ? { ...result, message: result.message } : result);
      return result as T;
    };

    const started = await call(caller.audible.connect.start({ marketplace: "us" }));
    const [attempt] = await handle.db
      .select()
      .from(connectAttempts)
      .where(eq(connectAttempts.userId, user.id));
    const verifier = vault.decrypt(user.id, VERIFIER_COLUMN, attempt!.codeVerifierEnc);
    const { location } = await signIn(started.signInUrl, {
      email: "otp@example.com",
      password: "otp-password",
      otp: "123456",
    });
    const code = new URL(location!).searchParams.get("openid.oa2.authorization_code")!;
    await call(caller.audible.connect.complete({ attemptId: started.attemptId, landingUrl: location! }));

    const [account] = await handle.db
      .select()
      .from(audibleAccounts)
      .where(eq(audibleAccounts.userId, user.id));
    const secrets = decryptSecrets(vault, account!);
    // An access token past its expiry makes the sync refresh it first.
    await handle.db
      .update(audibleAccounts)
      .set({ accessTokenExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(audibleAccounts.userId, user.id));
    const deps = {
      db: handle.db,
      vault,
      templates: readBaseTemplates(sim.env),
      now: () => new Date(),
      tuning: defaultTuning,
    };
    await drainSyncQueue(deps);
    const [refreshed] = await handle.db
      .select()
      .from(audibleAccounts)
      .where(eq(audibleAccounts.userId, user.id));
    const newAccessToken = decryptSecrets(vault, refreshed!).accessToken;
    expect(newAccessToken).not.toBe(secrets.accessToken);

    await call(caller.audible.status());
    await call(caller.audible.syncRuns());
    const dumpWhileConnected = await dumpAllRows(handle.db);
    await call(caller.audible.disconnect({ keepLibrary: true }));
    const dumpAfter = await dumpAllRows(handle.db);

    const canaries = [
      secrets.accessToken,
      newAccessToken,
      secrets.refreshToken,
      secrets.adpToken,
      secrets.devicePrivateKey,
      ...secrets.devicePrivateKey.split("\n").filter((line) => line.length > 40),
      ...Object.values(secrets.cookies),
      verifier,
      code,
      started.attemptId,
    ].flatMap(spellings);
    expect(canaries.length).toBeGreaterThan(10);

    const everything = {
      dumpWhileConnected,
      dumpAfter,
      logs: logged.join(""),
      responses: JSON.stringify(responses),
    };
    for (const [where, text] of Object.entries(everything)) {
      const found = canaries
        .filter((canary) => canary !== started.attemptId || where !== "responses")
        .filter((c) => text.includes(c));
      expect({ where, found }).toEqual({ where, found: [] });
    }
    expect(logged.length).toBeGreaterThan(0);
  });
});
