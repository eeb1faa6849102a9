import { generateKeyPairSync } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { deregisterDevice } from "./deregister";
import { deriveClientId } from "./device";
import { AudibleError } from "./errors";
import { createAudibleHttp } from "./http";
import { refreshAccessToken } from "./refresh";
import { registerDevice } from "./register";
import { startUpstream, type CannedResponse, type RecordedRequest } from "./testing/upstream-server";

const serial = "0123456789ABCDEF0123456789ABCDEF";
const privateKey = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;
const adpToken = "{enc:ZW5j}{key:a2V5}{iv:aXY=}{name:QURQVG9rZW5FbmNyeXB0aW9uS2V5}{serial:Mg==}";

const registerSuccess = {
  request_id: "r1",
  response: {
    success: {
      extensions: {
        device_info: {
          device_name: "Ann's Media Feed for iPhone",
          device_serial_number: serial,
          device_type: "A2CZJZGLK2JJVM",
        },
        customer_info: {
          account_pool: "Amazon",
          user_id: "amzn1.account.X",
          home_region: "EU",
          name: "Ann Example",
          given_name: "Ann",
        },
      },
      tokens: {
        website_cookies: [
          {
            Name: "x-acbuk",
            Value: '"q1"',
            Path: "/",
            Domain: ".amazon.co.uk",
            Secure: "true",
            HttpOnly: "true",
          },
        ],
        store_authentication_cookie: { cookie: "store" },
        mac_dms: { device_private_key: privateKey, adp_token: adpToken },
        bearer: {
          access_token: "Atna|canary-access",
          refresh_token: "Atnr|canary-refresh",
          expires_in: "3600",
        },
      },
    },
  },
};

let handler: (req: RecordedRequest) => CannedResponse = () => ({ status: 500, body: "{}" });
let upstream: Awaited<ReturnType<typeof startUpstream>>;
const http = createAudibleHttp({ maxRetries: 1 }, { sleep: async () => undefined });

beforeAll(async () => {
  upstream = await startUpstream((req) => handler(req));
});
afterEach(() => void upstream.requests.splice(0));
afterAll(async () => {
  await http.close();
  await upstream.close();
});

const base = () => ({
  marketplace: "uk" as const,
  http,
  templates: upstream.templates,
  now: () => 1_000_000,
});

describe("registerDevice", () => {
  it("posts the iOS registration body and returns the credentials", async () => {
    handler = () => ({ status: 200, body: JSON.stringify(registerSuccess) });
    const result = await registerDevice({
      ...base(),
      authorizationCode: "CODE1",
      codeVerifier: "verifier-43",
      deviceSerial: serial,
    });
    const [req] = upstream.requests;
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe("/api.amazon.co.uk/auth/register");
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(req?.headers["x-amzn-identity-auth-domain"]).toBe("api.amazon.co.uk");
    const body = JSON.parse(req?.body ?? "{}");
    expect(body).toEqual({
      requested_token_type: ["bearer", "mac_dms", "website_cookies", "store_authentication_cookie"],
      cookies: { website_cookies: [], domain: ".amazon.co.uk" },
      registration_data: {
        domain: "Device",
        app_version: "3.56.2",
        device_serial: serial,
        device_type: "A2CZJZGLK2JJVM",
        device_name: "%FIRST_NAME%%FIRST_NAME_POSSESSIVE_STRING%%DUPE_STRATEGY_1ST%Media Feed for iPhone",
        os_version: "15.0.0",
        software_version: "35602678",
        device_model: "iPhone",
        app_name: "Audible",
      },
      auth_data: {
        client_id: deriveClientId(serial),
        authorization_code: "CODE1",
        code_verifier: "verifier-43",
        code_algorithm: "SHA-256",
        client_domain: "DeviceLegacy",
      },
      requested_extensions: ["device_info", "customer_info"],
    });
    expect(result).toMatchObject({
      accessToken: "Atna|canary-access",
      refreshToken: "Atnr|canary-refresh",
      adpToken,
      devicePrivateKey: privateKey,
      websiteCookies: { "x-acbuk": "q1" },
      device: { name: "Ann's Media Feed for iPhone", serial },
      customer: { userId: "amzn1.account.X", name: "Ann Example" },
    });
    expect(result.accessTokenExpiresAt.getTime()).toBe(1_000_000 + 3_600_000);
  });

  it("maps a refused code to CONNECT_CODE_INVALID without upstream text, and does not retry", async () => {
    handler = () => ({
      status: 400,
      body: '{"response":{"error":{"code":"InvalidValue","message":"secret-detail"}}}',
    });
    const error = await registerDevice({
      ...base(),
      authorizationCode: "OLD",
      codeVerifier: "v",
      deviceSerial: serial,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AudibleError);
    expect((error as AudibleError).code).toBe("CONNECT_CODE_INVALID");
    expect(String((error as Error).message)).not.toContain("secret-detail");
    expect(upstream.requests).toHaveLength(1);
  });

  it("treats a 500 ServerError as AUDIBLE_UNAVAILABLE and a garbage 200 too", async () => {
    handler = () => ({ status: 500, body: '{"response":{"error":{"code":"ServerError"}}}' });
    await expect(
      registerDevice({ ...base(), authorizationCode: "C", codeVerifier: "v", deviceSerial: serial }),
    ).rejects.toMatchObject({ code: "AUDIBLE_UNAVAILABLE" });
    expect(upstream.requests).toHaveLength(1);
    handler = () => ({ status: 200, body: "<html>Website Temporarily Unavailable</html>" });
    await expect(
      registerDevice({ ...base(), authorizationCode: "C", codeVerifier: "v", deviceSerial: serial }),
    ).rejects.toMatchObject({ code: "AUDIBLE_UNAVAILABLE", reason: "not-json" });
  });
});

describe("refreshAccessToken", () => {
  it("sends the legacy form body and accepts access_token", async () => {
    handler = () => ({
      status: 200,
      body: '{"access_token":"Atna|new","expires_in":3600,"token_type":"bearer"}',
    });
    const result = await refreshAccessToken({ ...base(), refreshToken: "Atnr|r" });
    const [req] = upstream.requests;
    expect(req?.url).toBe("/api.amazon.co.uk/auth/token");
    expect(req?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(req?.body))).toEqual({
      app_name: "Audible",
      app_version: "3.56.2",
      source_token: "Atnr|r",
      requested_token_type: "access_token",
      source_token_type: "refresh_token",
    });
    expect(result).toEqual({
      accessToken: "Atna|new",
      accessTokenExpiresAt: new Date(1_000_000 + 3_600_000),
    });
  });

  it("accepts actor_access_token and a string expires_in", async () => {
    handler = () => ({ status: 200, body: '{"actor_access_token":"Atna|actor","expires_in":"1800"}' });
    expect(await refreshAccessToken({ ...base(), refreshToken: "Atnr|r" })).toEqual({
      accessToken: "Atna|actor",
      accessTokenExpiresAt: new Date(1_000_000 + 1_800_000),
    });
  });

  it("asks for a reconnect when the refresh is refused", async () => {
    handler = () => ({ status: 400, body: '{"error":"invalid_grant","error_description":"secret"}' });
    await expect(refreshAccessToken({ ...base(), refreshToken: "Atnr|dead" })).rejects.toMatchObject({
      code: "AUDIBLE_REAUTH_REQUIRED",
    });
  });

  it("retries a 503 because a refresh does not rotate the refresh token", async () => {
    let calls = 0;
    handler = () =>
      ++calls === 1
        ? { status: 503, body: "<html/>" }
        : { status: 200, body: '{"access_token":"Atna|ok","expires_in":3600}' };
    await expect(refreshAccessToken({ ...base(), refreshToken: "Atnr|r" })).resolves.toMatchObject({
      accessToken: "Atna|ok",
    });
    expect(upstream.requests).toHaveLength(2);
  });
});

describe("deregisterDevice", () => {
  it("deregisters this device only, authorised by x-amz-access-token", async () => {
    handler = () => ({ status: 200, body: '{"response":{"success":{}},"request_id":"r"}' });
    await deregisterDevice({ ...base(), accessToken: "Atna|a" });
    const [req] = upstream.requests;
    expect(req?.url).toBe("/api.amazon.co.uk/auth/deregister");
    expect(req?.headers["x-amz-access-token"]).toBe("Atna|a");
    expect(JSON.parse(req?.body ?? "")).toEqual({ deregister_all_existing_accounts: false });
  });

  it("reports a dead token as AUDIBLE_AUTH_FAILED", async () => {
    handler = () => ({ status: 403, body: '{"message":"Request could not be authenticated"}' });
    await expect(deregisterDevice({ ...base(), accessToken: "Atna|old" })).rejects.toMatchObject({
      code: "AUDIBLE_AUTH_FAILED",
    });
  });
});
