import "server-only";
import { deriveClientId, IOS_DEVICE } from "./device";
import { AudibleError } from "./errors";
import { basesFor, readBaseTemplates, type BaseTemplates } from "./hosts";
import { getAudibleHttp, parseJsonBody, type AudibleHttp } from "./http";
import { identityHeaders } from "./identity-headers";
import { AUDIBLE_LOCALES, type AudibleCountryCode } from "./locales";
import { registerSuccessSchema, type RegisterSuccess } from "./schemas";

export type RegisterInput = {
  marketplace: AudibleCountryCode;
  authorizationCode: string;
  codeVerifier: string;
  deviceSerial: string;
  http?: AudibleHttp;
  templates?: BaseTemplates;
  now?: () => number;
};

export type DeviceRegistration = {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  adpToken: string;
  devicePrivateKey: string;
  /** name → value, surrounding quotes stripped as every client does. */
  websiteCookies: Record<string, string>;
  storeAuthenticationCookie: string | null;
  device: { name: string; serial: string; type: string };
  customer: { userId: string; name: string | null; givenName: string | null; homeRegion: string | null };
};

/** Protocol doc §3, iOS flavour (mkb79 `register`). */
export function registerRequestBody(
  input: Pick<RegisterInput, "marketplace" | "authorizationCode" | "codeVerifier" | "deviceSerial">,
) {
  const { domain } = AUDIBLE_LOCALES[input.marketplace];
  return {
    requested_token_type: ["bearer", "mac_dms", "website_cookies", "store_authentication_cookie"],
    cookies: { website_cookies: [], domain: `.amazon.${domain}` },
    registration_data: {
      domain: "Device",
      app_version: IOS_DEVICE.appVersion,
      device_serial: input.deviceSerial,
      device_type: IOS_DEVICE.deviceType,
      device_name: IOS_DEVICE.deviceNameTemplate,
      os_version: IOS_DEVICE.osVersion,
      software_version: IOS_DEVICE.softwareVersion,
      device_model: IOS_DEVICE.deviceModel,
      app_name: IOS_DEVICE.appName,
    },
    auth_data: {
      client_id: deriveClientId(input.deviceSerial, IOS_DEVICE.deviceType),
      authorization_code: input.authorizationCode,
      code_verifier: input.codeVerifier,
      code_algorithm: "SHA-256",
      client_domain: "DeviceLegacy",
    },
    requested_extensions: ["device_info", "customer_info"],
  };
}

/** Exchanges the one-time code for device credentials. Never retried: the code is single-use. */
export async function registerDevice(input: RegisterInput): Promise<DeviceRegistration> {
  const http = input.http ?? getAudibleHttp();
  const { amazonApiBase } = basesFor(input.marketplace, input.templates ?? readBaseTemplates());
  const res = await http.send({
    method: "POST",
    url: `${amazonApiBase}/auth/register`,
    headers: { ...identityHeaders(input.marketplace), "content-type": "application/json" },
    body: JSON.stringify(registerRequestBody(input)),
    idempotent: false,
  });
  // Amazon answers an expired, reused or mismatched code (wrong verifier or serial) with a 4xx.
  if (res.status >= 400 && res.status < 500)
    throw new AudibleError("CONNECT_CODE_INVALID", { status: res.status });
  if (res.status !== 200)
    throw new AudibleError("AUDIBLE_UNAVAILABLE", { status: res.status, reason: `status-${res.status}` });
  return toRegistration(parseJsonBody(res, registerSuccessSchema), (input.now ?? Date.now)());
}

const unquote = (value: string) => value.replace(/^"(.*)"$/s, "$1");

function toRegistration(body: RegisterSuccess, now: number): DeviceRegistration {
  const { extensions, tokens } = body.response.success;
  const customer = extensions.customer_info;
  return {
    accessToken: tokens.bearer.access_token,
    refreshToken: tokens.bearer.refresh_token,
    accessTokenExpiresAt: new Date(now + tokens.bearer.expires_in * 1000),
    adpToken: tokens.mac_dms.adp_token,
    devicePrivateKey: tokens.mac_dms.device_private_key,
    websiteCookies: Object.fromEntries((tokens.website_cookies ?? []).map((c) => [c.Name, unquote(c.Value)])),
    storeAuthenticationCookie: tokens.store_authentication_cookie?.cookie ?? null,
    device: {
      name: extensions.device_info.device_name,
      serial: extensions.device_info.device_serial_number,
      type: extensions.device_info.device_type,
    },
    customer: {
      userId: customer.user_id,
      name: customer.name ?? null,
      givenName: customer.given_name ?? null,
      homeRegion: customer.home_region ?? null,
    },
  };
}
