import { createHash, randomBytes } from "node:crypto";
import type { AudibleLocale } from "@/server/audible/locales";
import type { Handler } from "./context";
import { isRecord, json, parseJson, type SimResponse } from "./http-util";
import { takeDeviceKey } from "./key-pool";
import {
  CODE_TTL_MS,
  ACCESS_TOKEN_TTL_S,
  randomToken,
  type Account,
  type Device,
  type SimState,
} from "./state";

export function registerError(status: number, code: string, message: string): SimResponse {
  return json(status, { request_id: randomToken(12), response: { error: { code, message, index: "0" } } });
}

const b64 = (bytes: number) => randomBytes(bytes).toString("base64");

function adpToken(): string {
  return `{enc:${b64(96)}}{key:${b64(256)}}{iv:${b64(16)}}{name:QURQVG9rZW5FbmNyeXB0aW9uS2V5}{serial:Mg==}`;
}

const ORDINALS = ["", "2nd ", "3rd "];

/** Expands Amazon's device-name template, e.g. "Robert's 2nd Audible for iPhone" for a second device. */
function expandDeviceName(template: string, account: Account, state: SimState): string {
  const base = template.replace(/%[A-Z_0-9]+%/g, "");
  const dupes = [...state.devices.values()].filter(
    (d) => d.active && d.email === account.email && d.name.endsWith(base),
  ).length;
  const dupe = ORDINALS[dupes] ?? `${dupes + 1}th `;
  return template
    .replaceAll("%FIRST_NAME%", account.givenName)
    .replaceAll("%FIRST_NAME_POSSESSIVE_STRING%", "'s ")
    .replaceAll("%DUPE_STRATEGY_1ST%", dupe)
    .replace(/^%[A-Z_0-9]+%/g, "");
}

function cookies(locale: AudibleLocale, accessToken: string) {
  const suffix = locale.domain === "com" ? "main" : `acb${locale.countryCode}`;
  const common = {
    Path: "/",
    Domain: `.amazon.${locale.domain}`,
    Expires: "20 Jan 2046 12:00:00 GMT",
    Secure: "true",
    HttpOnly: "true",
  };
  return [
    {
      Name: "session-id",
      Value: `${Date.now() % 1000}-${randomBytes(4).readUInt32BE()}-${randomBytes(4).readUInt32BE()}`,
      ...common,
      HttpOnly: "false",
    },
    {
      Name: `ubid-${suffix}`,
      Value: `131-${randomBytes(4).readUInt32BE()}-${randomBytes(4).readUInt32BE()}`,
      ...common,
    },
    { Name: `x-${suffix}`, Value: `"${randomToken(30)}"`, ...common },
    { Name: `at-${suffix}`, Value: `"Atza|${accessToken.slice(5, 60)}"`, ...common },
    { Name: `sess-at-${suffix}`, Value: `"${randomToken(30)}"`, ...common },
  ];
}

function str(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  return typeof value === "string" ? value : "";
}

export const register: Handler = async (ctx) => {
  const body = parseJson(ctx.rawBody);
  if (!isRecord(body) || !isRecord(body.registration_data) || !isRecord(body.auth_data)) {
    return registerError(
      400,
      "InvalidValue",
      "Request body must be JSON with registration_data and auth_data",
    );
  }
  const reg = body.registration_data;
  const auth = body.auth_data;
  const tokenTypes = Array.isArray(body.requested_token_type) ? body.requested_token_type : [];
  if (!tokenTypes.includes("bearer") || !tokenTypes.includes("mac_dms")) {
    return registerError(400, "InvalidValue", "requested_token_type must include bearer and mac_dms");
  }
  const serial = str(reg, "device_serial");
  const deviceType = str(reg, "device_type");
  const clientId = str(auth, "client_id");
  if (!serial || !deviceType || clientId !== Buffer.from(`${serial}#${deviceType}`).toString("hex")) {
    return registerError(
      400,
      "InvalidValue",
      "auth_data.client_id does not match registration_data device_serial and device_type",
    );
  }
  if (str(auth, "code_algorithm") !== "SHA-256")
    return registerError(400, "InvalidValue", "auth_data.code_algorithm must be SHA-256");
  const code = ctx.state.codes.get(str(auth, "authorization_code"));
  if (!code) return registerError(400, "InvalidValue", "The authorization code is invalid");
  if (code.used) return registerError(400, "InvalidValue", "The authorization code has already been used");
  if (ctx.state.now() - code.createdAt > CODE_TTL_MS)
    return registerError(400, "InvalidValue", "The authorization code has expired");
  if (code.clientId !== clientId)
    return registerError(400, "InvalidValue", "The authorization code was issued to a different client");
  const verifier = str(auth, "code_verifier");
  if (createHash("sha256").update(verifier, "ascii").digest("base64url") !== code.challenge) {
    return registerError(400, "InvalidValue", "code_verifier does not match the code challenge");
  }
  const account = ctx.state.account(code.email);
  if (!account) return registerError(500, "ServerError", "The server has encountered a runtime error.");
  code.used = true;

  // A fresh key per device, so a leaked key of one registration never verifies another's signatures.
  const { privateKey, publicKey } = await takeDeviceKey();
  const device: Device = {
    id: randomToken(9),
    email: account.email,
    serial,
    deviceType,
    name: expandDeviceName(str(reg, "device_name") || "Audible for iPhone", account, ctx.state),
    clientId,
    publicKey,
    adpToken: adpToken(),
    refreshToken: `Atnr|${randomToken(120)}`,
    active: true,
    registeredAt: ctx.state.now(),
  };
  ctx.state.devices.set(device.id, device);
  const access = ctx.state.issueAccessToken(device);
  const tokens: Record<string, unknown> = {
    mac_dms: {
      device_private_key: privateKey.export({ type: "pkcs1", format: "pem" }).toString(),
      adp_token: device.adpToken,
    },
    bearer: {
      access_token: access.token,
      refresh_token: device.refreshToken,
      expires_in: String(ACCESS_TOKEN_TTL_S),
    },
  };
  if (tokenTypes.includes("website_cookies")) tokens.website_cookies = cookies(ctx.locale, access.token);
  if (tokenTypes.includes("store_authentication_cookie"))
    tokens.store_authentication_cookie = { cookie: randomToken(60) };
  return json(200, {
    response: {
      success: {
        extensions: {
          device_info: { device_name: device.name, device_serial_number: serial, device_type: deviceType },
          customer_info: {
            account_pool: "Amazon",
            user_id: account.userId,
            home_region: ctx.locale.homeRegion,
            name: account.name,
            given_name: account.givenName,
          },
        },
        tokens,
      },
    },
    request_id: randomToken(12),
  });
};
