import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  registerErrorSchema,
  registerSuccessSchema,
  tokenRefreshResponseSchema,
  userProfileSchema,
} from "@/server/audible/schemas";
import { startSimulator, type Simulator } from "./server";
import {
  connect,
  makeDevice,
  postRegister,
  registerBody,
  signIn,
  signInUrl,
  type Credentials,
  type TestDevice,
} from "./test-flow";
import { adpHeaders } from "./test-signer";

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());

const demo = { email: "demo@example.com", password: "demo-password" };

async function codeFor(device: TestDevice): Promise<string> {
  const { location } = await signIn(signInUrl(sim.baseUrl, device), demo);
  return new URL(location ?? "").searchParams.get("openid.oa2.authorization_code") ?? "";
}

const library = (headers: Record<string, string>, path = "/1.0/library?num_results=1") =>
  fetch(`${sim.baseUrl}/api.audible.com${path}`, { headers });
const signed = (creds: Credentials, path = "/1.0/library?num_results=1") =>
  library(adpHeaders(creds, { method: "GET", pathAndQuery: path }), path);
const refresh = (refreshToken: string) =>
  fetch(`${sim.baseUrl}/api.amazon.com/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      app_name: "Audible",
      app_version: "3.56.2",
      source_token: refreshToken,
      requested_token_type: "access_token",
      source_token_type: "refresh_token",
    }),
  });
const deregister = (accessToken: string, all: boolean) =>
  fetch(`${sim.baseUrl}/api.amazon.com/auth/deregister`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-amz-access-token": accessToken },
    body: JSON.stringify({ deregister_all_existing_accounts: all }),
  });

describe("device registration", () => {
  it("answers the nested success shape with a fresh key per device", async () => {
    const a = await connect(sim.baseUrl, demo);
    const b = await connect(sim.baseUrl, demo);
    const success = a.raw.response.success;
    expect(success.tokens.bearer.expires_in).toBe(3600);
    expect(success.tokens.mac_dms.device_private_key).toMatch(
      /^-----BEGIN RSA PRIVATE KEY-----\n[\s\S]+-----END RSA PRIVATE KEY-----\n$/,
    );
    expect(success.tokens.mac_dms.adp_token.match(/\{/g)).toHaveLength(5);
    expect(success.extensions.device_info.device_name).toMatch(
      /^Robert's (\d+(st|nd|rd|th) )?Audible for iPhone$/,
    );
    expect(success.tokens.website_cookies?.some((c) => c.Value.startsWith('"'))).toBe(true);
    expect(a.privateKeyPem).not.toBe(b.privateKeyPem);
    expect(b.raw.response.success.extensions.device_info.device_name).not.toBe(
      success.extensions.device_info.device_name,
    );
  });

  it("refuses a wrong verifier", async () => {
    const device = makeDevice();
    const response = await postRegister(
      sim.baseUrl,
      registerBody(device, await codeFor(device), "com", makeDevice().verifier),
    );
    expect(response.status).toBe(400);
    expect(registerErrorSchema.parse(await response.json()).response.error.message).toMatch(/code_verifier/);
  });

  it("refuses a reused code", async () => {
    const device = makeDevice();
    const code = await codeFor(device);
    expect((await postRegister(sim.baseUrl, registerBody(device, code))).status).toBe(200);
    const again = await postRegister(sim.baseUrl, registerBody(device, code));
    expect(again.status).toBe(400);
    expect(registerErrorSchema.parse(await again.json()).response.error.message).toMatch(/already been used/);
  });

  it("refuses an expired code (5 minutes)", async () => {
    const device = makeDevice();
    const code = await codeFor(device);
    await sim.control.advanceClock(301);
    const response = await postRegister(sim.baseUrl, registerBody(device, code));
    await sim.control.advanceClock(-301);
    expect(registerErrorSchema.parse(await response.json()).response.error.message).toMatch(/expired/);
  });

  it("refuses a code used with another client id", async () => {
    const device = makeDevice();
    const code = await codeFor(device);
    const other = { ...makeDevice(), verifier: device.verifier };
    const response = await postRegister(sim.baseUrl, registerBody(other, code));
    expect(registerErrorSchema.parse(await response.json()).response.error.message).toMatch(
      /different client/,
    );
  });

  it("records the register body for read-back", async () => {
    const calls = await sim.control.calls("register");
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.at(-1)?.body).toMatchObject({ auth_data: { code_algorithm: "SHA-256" } });
  });
});

describe("authentication on /1.0", () => {
  let creds: Credentials;
  beforeAll(async () => {
    creds = await connect(sim.baseUrl, demo);
  });

  it("accepts a valid signature, x-amz-access-token and Bearer", async () => {
    expect((await signed(creds)).status).toBe(200);
    expect((await library({ "x-amz-access-token": creds.accessToken })).status).toBe(200);
    expect((await library({ authorization: `Bearer ${creds.accessToken}`, "client-id": "0" })).status).toBe(
      200,
    );
  });

  it("refuses no credentials and a tampered signature", async () => {
    const none = await library({});
    expect(none.status).toBe(403);
    expect(await none.json()).toEqual({ message: "Request could not be authenticated" });
    const headers = adpHeaders(creds, { method: "GET", pathAndQuery: "/1.0/library?num_results=1" });
    expect((await library(headers, "/1.0/library?num_results=2")).status).toBe(403);
    const sig = headers["x-adp-signature"] ?? "";
    const flipped = `${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    expect((await library({ ...headers, "x-adp-signature": flipped })).status).toBe(403);
  });

  it("verifies over the path without the simulator's role prefix", async () => {
    const headers = adpHeaders(creds, {
      method: "GET",
      pathAndQuery: "/api.audible.com/1.0/library?num_results=1",
    });
    expect((await library(headers)).status).toBe(403);
  });

  it("refuses an expired access token, and refresh brings a working one", async () => {
    await sim.control.expireAccessTokens({ accessToken: creds.accessToken });
    expect((await library({ "x-amz-access-token": creds.accessToken })).status).toBe(403);
    const response = await refresh(creds.refreshToken);
    const body = tokenRefreshResponseSchema.parse(await response.json());
    expect(body.actor_access_token).toBe(body.access_token);
    expect((await library({ "x-amz-access-token": body.access_token ?? "" })).status).toBe(200);
  });

  it("refresh refuses JSON bodies and unknown tokens", async () => {
    const json = await fetch(`${sim.baseUrl}/api.amazon.com/auth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ source_token: creds.refreshToken }),
    });
    expect(json.status).toBe(400);
    const unknown = await refresh("Atnr|nope");
    expect(await unknown.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("serves the user profile", async () => {
    const response = await fetch(`${sim.baseUrl}/api.amazon.com/user/profile`, {
      headers: { "x-amz-access-token": await refreshed(creds) },
    });
    expect(userProfileSchema.parse(await response.json()).email).toBe("demo@example.com");
  });
});

async function refreshed(creds: Credentials): Promise<string> {
  const body = tokenRefreshResponseSchema.parse(await (await refresh(creds.refreshToken)).json());
  return body.access_token ?? "";
}

describe("deregistration", () => {
  it("kills this device's refresh token and key at once, and leaves other devices", async () => {
    const mine = await connect(sim.baseUrl, demo);
    const other = await connect(sim.baseUrl, demo);
    expect((await deregister(mine.accessToken, false)).status).toBe(200);
    expect((await refresh(mine.refreshToken)).status).toBe(400);
    expect((await signed(mine)).status).toBe(403);
    expect((await signed(other)).status).toBe(200);
    const calls = await sim.control.calls("deregister");
    expect(calls.at(-1)?.body).toEqual({ deregister_all_existing_accounts: false });
  });

  it("deregister_all_existing_accounts removes every device on the account", async () => {
    const a = await connect(sim.baseUrl, {
      email: "otp@example.com",
      password: "otp-password",
      otp: "123456",
    });
    const b = await connect(sim.baseUrl, {
      email: "otp@example.com",
      password: "otp-password",
      otp: "123456",
    });
    expect((await deregister(a.accessToken, true)).status).toBe(200);
    expect((await signed(b)).status).toBe(403);
    expect((await refresh(b.refreshToken)).status).toBe(400);
    expect((await sim.control.devices("otp@example.com")).every((d) => !d.active)).toBe(true);
  });

  it("revoking through the control API refuses signed requests", async () => {
    const creds = await connect(sim.baseUrl, demo);
    const device = (await sim.control.devices("demo@example.com")).find((d) => d.adpToken === creds.adpToken);
    await sim.control.revokeDevices({ deviceId: device?.id ?? "" });
    expect((await signed(creds)).status).toBe(403);
  });

  it("register success parses with the shared schema", async () => {
    const device = makeDevice();
    const response = await postRegister(sim.baseUrl, registerBody(device, await codeFor(device)));
    expect(registerSuccessSchema.safeParse(await response.json()).success).toBe(true);
  });
});
