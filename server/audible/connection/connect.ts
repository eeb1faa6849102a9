import type { Marketplace } from "@/lib/validation/audible";
import { findAudibleAccount } from "@/server/db/queries/audible-accounts";
import { recordAudit } from "@/server/db/queries/audit";
import { audibleAccounts } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { log } from "@/server/log";
import { eq } from "drizzle-orm";
import { deregisterDevice } from "../deregister";
import { parseLandingUrl } from "../landing-url";
import { registerDevice, type DeviceRegistration } from "../register";
import { peekAttempt, takeAttempt } from "./attempts";
import { encryptRegistration, type AccountRow } from "./credentials";
import { freshSecrets } from "./access-token";
import type { ConnectionDeps } from "./deps";

export type CompleteInput = { userId: string } & (
  { attemptId: string; landingUrl: string } | { state: string; code: string }
);

const expired = () =>
  new AppError(
    "CONNECT_ATTEMPT_EXPIRED",
    "This connection attempt has expired or was already used. Start again.",
  );

/** Turns what came back from Amazon into a code, refusing a bad address before the attempt is used up. */
async function resolveCode(deps: ConnectionDeps, input: CompleteInput) {
  if ("code" in input) return { attemptId: input.state, code: input.code };
  const pending = await peekAttempt(deps.db, { userId: input.userId, attemptId: input.attemptId });
  if (!pending || pending.expiresAt <= deps.now()) throw expired();
  const parsed = parseLandingUrl(input.landingUrl, {
    expectedMarketplace: pending.marketplace as Marketplace,
    templates: deps.templates,
  });
  if (!parsed.ok) throw parsed.error;
  return { attemptId: input.attemptId, code: parsed.code };
}

export async function completeConnection(deps: ConnectionDeps, input: CompleteInput) {
  const existing = await findAudibleAccount(deps.db, input.userId);
  if (existing?.status === "connected") throw alreadyConnected();
  const { attemptId, code } = await resolveCode(deps, input);
  const attempt = await takeAttempt(
    { db: deps.db, vault: deps.vault, now: deps.now() },
    { userId: input.userId, attemptId },
  );
  if (!attempt) throw expired();

  const registration = await registerDevice({
    marketplace: attempt.marketplace,
    authorizationCode: code,
    codeVerifier: attempt.codeVerifier,
    deviceSerial: attempt.deviceSerial,
    templates: deps.templates,
  });
  const values = {
    marketplace: attempt.marketplace,
    amazonUserId: registration.customer.userId,
    customerName: registration.customer.name,
    deviceSerial: registration.device.serial || attempt.deviceSerial,
    deviceName: registration.device.name,
    ...encryptRegistration(deps.vault, input.userId, registration),
    status: "connected" as const,
    connectedAt: deps.now(),
    lastSyncError: null,
  };
  if (existing) await replaceCredentials(deps, existing, values);
  else await insertAccount(deps, input.userId, values, registration);

  await recordAudit(deps.db, {
    userId: input.userId,
    action: existing ? "audible.reconnect" : "audible.connect",
    detail: { marketplace: attempt.marketplace, deviceName: registration.device.name },
    ...deps.audit,
  });
  log.info(
    { userId: input.userId, marketplace: attempt.marketplace, reconnected: !!existing },
    "audible connected",
  );
  return {
    marketplace: attempt.marketplace,
    accountName: registration.customer.name,
    deviceName: registration.device.name,
    reconnected: !!existing,
  };
}

const alreadyConnected = () =>
  new AppError(
    "AUDIBLE_ALREADY_CONNECTED",
    "Your Audible account is already connected. Disconnect it first to switch.",
  );

async function insertAccount(
  deps: ConnectionDeps,
  userId: string,
  values: Omit<typeof audibleAccounts.$inferInsert, "userId">,
  registration: DeviceRegistration,
) {
  const [row] = await deps.db
    .insert(audibleAccounts)
    .values({ userId, ...values })
    .onConflictDoNothing({ target: audibleAccounts.userId })
    .returning({ id: audibleAccounts.id });
  if (row) return;
  // Two attempts finished at once: keep the first connection and retire the device we just made.
  await deregisterDevice({
    marketplace: values.marketplace as Marketplace,
    accessToken: registration.accessToken,
    templates: deps.templates,
  }).catch(() => {});
  throw alreadyConnected();
}

/** Reconnect: the library stays; the old device is retired at Amazon when its tokens still allow it. */
async function replaceCredentials(deps: ConnectionDeps, existing: AccountRow, values: Partial<AccountRow>) {
  await freshSecrets(deps, existing)
    .then((old) =>
      deregisterDevice({
        marketplace: existing.marketplace as Marketplace,
        accessToken: old.accessToken,
        templates: deps.templates,
      }),
    )
    .catch(() => {});
  await deps.db.update(audibleAccounts).set(values).where(eq(audibleAccounts.id, existing.id));
}
