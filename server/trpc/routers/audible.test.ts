import { beforeEach, describe, expect, it, vi } from "vitest";
import { landOnAmazon as landOnAmazonAs } from "@/server/testing/audible";
import { auditLog, audibleAccounts, connectAttempts } from "@/server/db/schema";
import { useSimulatorAndDb } from "@/server/testing/simulator-suite";
import { signedInCaller } from "@/server/testing/users";
import { eq } from "drizzle-orm";

const OTP_ACCOUNT = { email: "otp@example.com", password: "otp-password", otp: "123456" };

const suite = useSimulatorAndDb();
beforeEach(() => suite.sim.control.clearCalls());

type Caller = Awaited<ReturnType<typeof signedInCaller>>["caller"];

const landOnAmazon = (caller: Caller, marketplace: "us" | "uk" = "us") =>
  landOnAmazonAs(caller, OTP_ACCOUNT, marketplace);

describe("audible router against the simulator", () => {
  it("connects by pasted address, reports status, and disconnects this device only", async () => {
    const { caller, user } = await signedInCaller(suite.handle.db);
    expect(await caller.audible.status()).toEqual({ connected: false, availability: "available" });

    const { started, landingUrl } = await landOnAmazon(caller, "uk");
    expect(started.signInUrl).toContain("openid.oa2.code_challenge_method=S256");
    expect(started.bookmarklet).toMatch(/^javascript:/);

    const done = await caller.audible.connect.complete({ attemptId: started.attemptId, landingUrl });
    expect(done).toMatchObject({ marketplace: "uk", reconnected: false });
    expect(done.deviceName).toContain("iPhone");

    const status = await caller.audible.status();
    expect(status).toMatchObject({
      connected: true,
      marketplace: "uk",
      needsReconnect: false,
      lastSyncAt: null,
    });

    const [row] = await suite.handle.db
      .select()
      .from(audibleAccounts)
      .where(eq(audibleAccounts.userId, user.id));
    expect(row?.refreshTokenEnc).toMatch(/^v1\./);
    expect(row?.accessTokenEnc).not.toContain("Atna|");

    await expect(caller.audible.connect.start({ marketplace: "us" })).rejects.toMatchObject({
      appCode: "AUDIBLE_ALREADY_CONNECTED",
    });

    expect(await caller.audible.disconnect({ keepLibrary: true })).toEqual({
      deregistered: true,
      keptLibrary: true,
    });
    const deregisters = await suite.sim.control.calls("deregister");
    expect(deregisters).toHaveLength(1);
    expect(JSON.stringify(deregisters[0])).toContain('"deregister_all_existing_accounts":false');
    expect(await caller.audible.status()).toEqual({ connected: false, availability: "available" });
    expect(
      await suite.handle.db.select().from(audibleAccounts).where(eq(audibleAccounts.userId, user.id)),
    ).toHaveLength(0);

    const actions = (await suite.handle.db.select().from(auditLog).where(eq(auditLog.userId, user.id))).map(
      (r) => r.action,
    );
    expect(actions).toEqual(["audible.connect", "audible.disconnect"]);
  });

  it("uses an attempt once: a second completion is refused without a second register", async () => {
    const { caller } = await signedInCaller(suite.handle.db);
    const { started, landingUrl } = await landOnAmazon(caller);
    const results = await Promise.allSettled([
      caller.audible.connect.complete({ attemptId: started.attemptId, landingUrl }),
      caller.audible.connect.complete({ attemptId: started.attemptId, landingUrl }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await suite.sim.control.calls("register")).toHaveLength(1);
  });

  it("refuses another user's attempt and leaves it usable for its owner", async () => {
    const a = await signedInCaller(suite.handle.db);
    const b = await signedInCaller(suite.handle.db);
    const { started, landingUrl } = await landOnAmazon(a.caller);
    await expect(
      b.caller.audible.connect.complete({ attemptId: started.attemptId, landingUrl }),
    ).rejects.toMatchObject({
      appCode: "CONNECT_ATTEMPT_EXPIRED",
    });
    expect(await suite.sim.control.calls("register")).toHaveLength(0);
    await expect(
      a.caller.audible.connect.complete({ attemptId: started.attemptId, landingUrl }),
    ).resolves.toMatchObject({
      marketplace: "us",
    });
  });

  it("refuses an expired attempt and removes it", async () => {
    const { caller, user } = await signedInCaller(suite.handle.db);
    const { started, landingUrl } = await landOnAmazon(caller);
    await suite.handle.db
      .update(connectAttempts)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(connectAttempts.userId, user.id));
    await expect(
      caller.audible.connect.complete({ attemptId: started.attemptId, landingUrl }),
    ).rejects.toMatchObject({
      appCode: "CONNECT_ATTEMPT_EXPIRED",
    });
  });

  it("names the mistake in a bad paste and keeps the attempt", async () => {
    const { caller } = await signedInCaller(suite.handle.db);
    const { started, landingUrl } = await landOnAmazon(caller);
    const attempt = (landing: string) =>
      caller.audible.connect.complete({ attemptId: started.attemptId, landingUrl: landing });
    await expect(attempt("%%%")).rejects.toMatchObject({ appCode: "CONNECT_URL_INVALID" });
    await expect(
      attempt("https://www.amazon.com.evil.io/ap/maplanding?openid.oa2.authorization_code=x"),
    ).rejects.toMatchObject({
      appCode: "CONNECT_URL_WRONG_SITE",
    });
    await expect(attempt(started.signInUrl)).rejects.toMatchObject({ appCode: "CONNECT_URL_IS_SIGNIN" });
    await expect(
      attempt(landingUrl.replace(/openid\.oa2\.authorization_code=[^&]+/, "")),
    ).rejects.toMatchObject({
      appCode: "CONNECT_CODE_MISSING",
    });
    await expect(attempt(landingUrl.replace("www.amazon.com", "www.amazon.co.uk"))).rejects.toMatchObject({
      appCode: "CONNECT_MARKETPLACE_MISMATCH",
    });
    await expect(attempt(landingUrl)).resolves.toMatchObject({ marketplace: "us" });
  });

  it("refuses a code registered against another attempt's verifier", async () => {
    const { caller } = await signedInCaller(suite.handle.db);
    const first = await landOnAmazon(caller);
    const second = await caller.audible.connect.start({ marketplace: "us" });
    await expect(
      caller.audible.connect.complete({ attemptId: second.attemptId, landingUrl: first.landingUrl }),
    ).rejects.toMatchObject({ appCode: "CONNECT_CODE_INVALID" });
    expect(await caller.audible.status()).toEqual({ connected: false, availability: "available" });
  });

  it("still disconnects locally when Amazon cannot be told, and says so", async () => {
    const { caller } = await signedInCaller(suite.handle.db);
    const { started, landingUrl } = await landOnAmazon(caller);
    await caller.audible.connect.complete({ attemptId: started.attemptId, landingUrl });
    await suite.sim.control.addFault({ route: "deregister", kind: "server-error", persistent: true });
    try {
      expect(await caller.audible.disconnect({ keepLibrary: false })).toEqual({
        deregistered: false,
        keptLibrary: false,
      });
    } finally {
      await suite.sim.control.clearFaults();
    }
    expect(await caller.audible.status()).toEqual({ connected: false, availability: "available" });
  });
});

describe("audible.connect.start rate limit", () => {
  it("lets exactly 3 of 100 concurrent starts through for one person and says when to retry", async () => {
    const { caller } = await signedInCaller(suite.handle.db);
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => caller.audible.connect.start({ marketplace: "us" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ appCode: "RATE_LIMITED", code: "TOO_MANY_REQUESTS" });
    expect(refused.reason.message).toMatch(/Try again in \d+ minutes?\./);
    expect(refused.reason.details.retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });
});

describe("plan gating and the off switch", () => {
  it("refuses Audible actions outside the required plans but still shows status and allows disconnect", async () => {
    vi.stubEnv("AUDIBLE_REQUIRED_PLANS", "premium,family");
    try {
      const { caller } = await signedInCaller(suite.handle.db);
      await expect(caller.audible.connect.start({ marketplace: "us" })).rejects.toMatchObject({
        appCode: "PLAN_REQUIRED",
        code: "FORBIDDEN",
      });
      await expect(caller.audible.sync()).rejects.toMatchObject({ appCode: "PLAN_REQUIRED" });
      expect(await caller.audible.status()).toEqual({ connected: false, availability: "plan_required" });
      await expect(caller.audible.disconnect({ keepLibrary: true })).rejects.toMatchObject({
        appCode: "AUDIBLE_NOT_CONNECTED",
      });
    } finally {
      vi.stubEnv("AUDIBLE_REQUIRED_PLANS", "");
    }
  });

  it("answers AUDIBLE_DISABLED when switched off", async () => {
    vi.stubEnv("AUDIBLE_ENABLED", "false");
    try {
      const { caller } = await signedInCaller(suite.handle.db);
      await expect(caller.audible.connect.start({ marketplace: "us" })).rejects.toMatchObject({
        appCode: "AUDIBLE_DISABLED",
      });
      expect(await caller.audible.status()).toEqual({ connected: false, availability: "disabled" });
    } finally {
      vi.stubEnv("AUDIBLE_ENABLED", "true");
    }
  });
});
