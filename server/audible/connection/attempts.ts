import { createHash, randomBytes } from "node:crypto";
import { and, eq, lt } from "drizzle-orm";
import type { Vault } from "@/server/crypto/vault";
import type { Db } from "@/server/db";
import { connectAttempts } from "@/server/db/schema";
import type { Marketplace } from "@/lib/validation/audible";
import { createDeviceSerial } from "../device";
import { createPkcePair } from "../pkce";
import { buildSignInUrl } from "../signin-url";
import type { BaseTemplates } from "../hosts";

export const ATTEMPT_TTL_MS = 10 * 60 * 1000;
export const VERIFIER_COLUMN = "connect_attempts.code_verifier";

const hashAttemptId = (attemptId: string) => createHash("sha256").update(attemptId).digest("hex");

export type StartedAttempt = { attemptId: string; signInUrl: string; expiresAt: Date };

export async function startAttempt(
  deps: { db: Db; vault: Vault; templates: BaseTemplates; now: Date },
  input: { userId: string; marketplace: Marketplace; withState: boolean },
): Promise<StartedAttempt> {
  const { db, vault, now } = deps;
  const attemptId = randomBytes(32).toString("base64url");
  const deviceSerial = createDeviceSerial();
  const pkce = createPkcePair();
  const expiresAt = new Date(now.getTime() + ATTEMPT_TTL_MS);
  await db
    .delete(connectAttempts)
    .where(and(eq(connectAttempts.userId, input.userId), lt(connectAttempts.expiresAt, now)));
  await db.insert(connectAttempts).values({
    idHash: hashAttemptId(attemptId),
    userId: input.userId,
    marketplace: input.marketplace,
    deviceSerial,
    codeVerifierEnc: vault.encrypt(input.userId, VERIFIER_COLUMN, pkce.verifier),
    keyId: vault.currentKid,
    expiresAt,
  });
  const signInUrl = new URL(
    buildSignInUrl({
      marketplace: input.marketplace,
      deviceSerial,
      codeChallenge: pkce.challenge,
      templates: deps.templates,
    }),
  );
  // Redirect mode only: an authorization server that can redirect echoes `state` back to /audible/callback.
  if (input.withState) signInUrl.searchParams.set("state", attemptId);
  return { attemptId, signInUrl: signInUrl.toString(), expiresAt };
}

/** Reads an attempt without using it up, so a mistyped address does not cost the person their attempt. */
export async function peekAttempt(db: Db, input: { userId: string; attemptId: string }) {
  const [row] = await db
    .select({ marketplace: connectAttempts.marketplace, expiresAt: connectAttempts.expiresAt })
    .from(connectAttempts)
    .where(
      and(
        eq(connectAttempts.idHash, hashAttemptId(input.attemptId)),
        eq(connectAttempts.userId, input.userId),
      ),
    )
    .limit(1);
  return row ?? null;
}

export type TakenAttempt = { marketplace: Marketplace; deviceSerial: string; codeVerifier: string };

/**
 * Single use across instances: the row is deleted by the statement that reads it, bound to the
 * user, so a second completion (or another user's) finds nothing. Expired rows are consumed too.
 */
export async function takeAttempt(
  deps: { db: Db; vault: Vault; now: Date },
  input: { userId: string; attemptId: string },
): Promise<TakenAttempt | null> {
  const [row] = await deps.db
    .delete(connectAttempts)
    .where(
      and(
        eq(connectAttempts.idHash, hashAttemptId(input.attemptId)),
        eq(connectAttempts.userId, input.userId),
      ),
    )
    .returning();
  if (!row || row.expiresAt <= deps.now) return null;
  return {
    marketplace: row.marketplace as Marketplace,
    deviceSerial: row.deviceSerial,
    codeVerifier: deps.vault.decrypt(input.userId, VERIFIER_COLUMN, row.codeVerifierEnc),
  };
}
