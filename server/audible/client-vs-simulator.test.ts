import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "@/e2e/simulator/server";
import { signIn } from "@/e2e/simulator/test-flow";
import { createAudibleApi } from "./api";
import { deregisterDevice } from "./deregister";
import { createDeviceSerial } from "./device";
import { readBaseTemplates, type BaseTemplates } from "./hosts";
import { createAudibleHttp } from "./http";
import { parseLandingUrl } from "./landing-url";
import type { AudibleCountryCode } from "./locales";
import { createPkcePair } from "./pkce";
import { refreshAccessToken } from "./refresh";
import { registerDevice } from "./register";
import { buildSignInUrl } from "./signin-url";

/**
 * The production client against the simulator, through base URLs only: proves both sides agree on the
 * protocol (sign-in parameters, PKCE, client_id, register body, ADP signatures, refresh, deregister).
 */
let sim: Simulator;
let templates: BaseTemplates;
const http = createAudibleHttp({ maxRetries: 2 }, { sleep: async () => undefined });

beforeAll(async () => {
  sim = await startSimulator();
  templates = readBaseTemplates(sim.env);
});
afterAll(async () => {
  await http.close();
  await sim.close();
});

async function connect(marketplace: AudibleCountryCode) {
  const pkce = createPkcePair();
  const deviceSerial = createDeviceSerial();
  const url = buildSignInUrl({ marketplace, deviceSerial, codeChallenge: pkce.challenge, templates });
  const answers = { email: "otp@example.com", password: "otp-password", otp: "123456" };
  const { location } = await signIn(url, answers);
  const landing = parseLandingUrl(`  "${location}"  `, { expectedMarketplace: marketplace, templates });
  if (!landing.ok) throw landing.error;
  const input = {
    marketplace,
    authorizationCode: landing.code,
    codeVerifier: pkce.verifier,
    deviceSerial,
    http,
    templates,
  };
  return { input, registration: await registerDevice(input) };
}

describe("client against the simulator", () => {
  it("connects, reads the library signed, refreshes and deregisters this device only", async () => {
    const { input, registration } = await connect("uk");
    expect(registration.device.name).toContain("Media Feed for iPhone");
    await expect(registerDevice(input)).rejects.toMatchObject({ code: "CONNECT_CODE_INVALID" });

    const signed = createAudibleApi({
      marketplace: "uk",
      credentials: { adp: registration },
      http,
      templates,
    });
    const page = await signed.libraryPage({
      page: 1,
      numResults: 5,
      responseGroups: ["product_desc", "contributors"],
    });
    expect(page.items).toHaveLength(5);
    expect(page.totalCount).toBeGreaterThan(5);
    expect(page.stateToken).toMatch(/^\d{13}$/);

    const bearer = createAudibleApi({
      marketplace: "uk",
      credentials: { accessToken: registration.accessToken },
      http,
      templates,
    });
    expect((await bearer.userProfile()).user_id).toBe(registration.customer.userId);

    const refreshed = await refreshAccessToken({
      marketplace: "uk",
      refreshToken: registration.refreshToken,
      http,
      templates,
    });
    await deregisterDevice({ marketplace: "uk", accessToken: refreshed.accessToken, http, templates });
    const deregisters = sim.state.calls.filter((call) => call.route.includes("deregister"));
    expect(deregisters.map((call) => call.body)).toEqual([{ deregister_all_existing_accounts: false }]);
    await expect(
      refreshAccessToken({ marketplace: "uk", refreshToken: registration.refreshToken, http, templates }),
    ).rejects.toMatchObject({ code: "AUDIBLE_REAUTH_REQUIRED" });
    await expect(signed.libraryPage({ page: 1, numResults: 5 })).rejects.toMatchObject({
      code: "AUDIBLE_AUTH_FAILED",
    });
  });

  it("rides out injected 429 and HTML 503 faults on reads", async () => {
    const { registration } = await connect("de");
    const api = createAudibleApi({ marketplace: "de", credentials: { adp: registration }, http, templates });
    await sim.control.addFault({ route: "library", kind: "rate-limit", retryAfter: 1 });
    await sim.control.addFault({ route: "library", kind: "html-503" });
    expect((await api.libraryPage({ page: 1, numResults: 3 })).items).toHaveLength(3);
    await sim.control.addFault({ route: "library", kind: "html-503", persistent: true });
    await expect(api.libraryPage({ page: 1, numResults: 3 })).rejects.toMatchObject({
      code: "AUDIBLE_UNAVAILABLE",
    });
    await sim.control.clearFaults();
  });
});
