import { createHash, randomBytes } from "node:crypto";
import { AUDIBLE_DEVICE_TYPES, localeByDomain } from "@/server/audible/locales";
import { registerSuccessSchema, type RegisterSuccess } from "@/server/audible/schemas";

/** Helpers that drive the simulator the way a real client does: build the sign-in URL, post the forms, register. */
export type TestDevice = {
  serial: string;
  deviceType: string;
  clientId: string;
  verifier: string;
  challenge: string;
};

export function makeDevice(deviceType: string = AUDIBLE_DEVICE_TYPES.ios): TestDevice {
  const serial = randomBytes(16).toString("hex").toUpperCase();
  const verifier = randomBytes(32).toString("base64url");
  return {
    serial,
    deviceType,
    clientId: Buffer.from(`${serial}#${deviceType}`).toString("hex"),
    verifier,
    challenge: createHash("sha256").update(verifier).digest("base64url"),
  };
}

export function signInUrl(
  baseUrl: string,
  device: TestDevice,
  options: { domain?: string; state?: string; returnTo?: string } = {},
): string {
  const domain = options.domain ?? "com";
  const locale = localeByDomain(domain);
  if (!locale) throw new Error(`unknown domain ${domain}`);
  const params = new URLSearchParams({
    "openid.oa2.response_type": "code",
    "openid.oa2.code_challenge_method": "S256",
    "openid.oa2.code_challenge": device.challenge,
    "openid.return_to": options.returnTo ?? `https://www.amazon.${domain}/ap/maplanding`,
    "openid.assoc_handle": `amzn_audible_ios_${locale.countryCode}`,
    "openid.identity": "http://specs.openid.net/auth/2.0/identifier_select",
    "openid.claimed_id": "http://specs.openid.net/auth/2.0/identifier_select",
    pageId: "amzn_audible_ios",
    accountStatusPolicy: "P1",
    "openid.mode": "checkid_setup",
    "openid.ns": "http://specs.openid.net/auth/2.0",
    "openid.ns.oa2": "http://www.amazon.com/ap/ext/oauth/2",
    "openid.ns.pape": "http://specs.openid.net/extensions/pape/1.0",
    "openid.pape.max_auth_age": "0",
    "openid.oa2.client_id": `device:${device.clientId}`,
    "openid.oa2.scope": "device_auth_access",
    marketPlaceId: locale.marketplaceId,
    forceMobileLayout: "true",
  });
  if (options.state) params.set("state", options.state);
  return `${baseUrl}/www.amazon.${domain}/ap/signin?${params.toString()}`;
}

export type FormAnswers = { email: string; password: string; otp?: string; captcha?: string };

function sessionOf(page: string): string {
  const session = page.match(/name="session" value="([^"]+)"/)?.[1];
  if (!session) throw new Error(`no sign-in form in page: ${page.slice(0, 300)}`);
  return session;
}

async function post(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

/** Posts the sign-in forms, answering challenges, and returns the 302 Location (maplanding or redirect target). */
export async function signIn(
  url: string,
  answers: FormAnswers,
): Promise<{ location: string | null; page: string; status: number }> {
  const first = await fetch(url, { redirect: "manual" });
  let page = await first.text();
  const action = url.split("?")[0] ?? url;
  let response = await post(action, {
    session: sessionOf(page),
    email: answers.email,
    password: answers.password,
  });
  for (let step = 0; step < 4 && response.status === 200; step++) {
    page = await response.text();
    const session = sessionOf(page);
    if (page.includes('id="auth-captcha-image"'))
      response = await post(action, {
        session,
        email: answers.email,
        password: answers.password,
        guess: answers.captcha ?? "",
      });
    else if (page.includes('id="auth-mfa-form"'))
      response = await post(action, { session, otpCode: answers.otp ?? "", mfaSubmit: "Submit" });
    else break;
  }
  if (response.status !== 302)
    return { location: null, page: page || (await response.text()), status: response.status };
  return { location: response.headers.get("location"), page: "", status: 302 };
}

export function registerBody(device: TestDevice, code: string, domain = "com", verifier = device.verifier) {
  return {
    requested_token_type: ["bearer", "mac_dms", "website_cookies", "store_authentication_cookie"],
    cookies: { website_cookies: [], domain: `.amazon.${domain}` },
    registration_data: {
      domain: "Device",
      app_version: "3.56.2",
      device_serial: device.serial,
      device_type: device.deviceType,
      device_name: "%FIRST_NAME%%FIRST_NAME_POSSESSIVE_STRING%%DUPE_STRATEGY_1ST%Audible for iPhone",
      os_version: "15.0.0",
      software_version: "35602678",
      device_model: "iPhone",
      app_name: "Audible",
    },
    auth_data: {
      client_id: device.clientId,
      authorization_code: code,
      code_verifier: verifier,
      code_algorithm: "SHA-256",
      client_domain: "DeviceLegacy",
    },
    requested_extensions: ["device_info", "customer_info"],
  };
}

export async function postRegister(baseUrl: string, body: unknown, domain = "com"): Promise<Response> {
  return fetch(`${baseUrl}/api.amazon.${domain}/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

export type Credentials = {
  accessToken: string;
  refreshToken: string;
  adpToken: string;
  privateKeyPem: string;
  raw: RegisterSuccess;
};

/** Full connect: sign in (answering challenges), pick the code off the landing URL, register. */
export async function connect(baseUrl: string, answers: FormAnswers, domain = "com"): Promise<Credentials> {
  const device = makeDevice();
  const { location, page } = await signIn(signInUrl(baseUrl, device, { domain }), answers);
  const code = location ? new URL(location).searchParams.get("openid.oa2.authorization_code") : null;
  if (!code) throw new Error(`sign-in did not yield a code: ${page.slice(0, 300)}`);
  const response = await postRegister(baseUrl, registerBody(device, code, domain), domain);
  const raw = registerSuccessSchema.parse(await response.json());
  const { bearer, mac_dms } = raw.response.success.tokens;
  return {
    accessToken: bearer.access_token,
    refreshToken: bearer.refresh_token,
    adpToken: mac_dms.adp_token,
    privateKeyPem: mac_dms.device_private_key,
    raw,
  };
}
