import type { AudibleLocale } from "@/server/audible/locales";

const IDENTIFIER_SELECT = "http://specs.openid.net/auth/2.0/identifier_select";

/** Fixed values every device sign-in URL carries (protocol §2.2). */
const REQUIRED_VALUES = {
  "openid.oa2.response_type": "code",
  "openid.oa2.code_challenge_method": "S256",
  "openid.identity": IDENTIFIER_SELECT,
  "openid.claimed_id": IDENTIFIER_SELECT,
  "openid.mode": "checkid_setup",
  "openid.ns": "http://specs.openid.net/auth/2.0",
  "openid.ns.oa2": "http://www.amazon.com/ap/ext/oauth/2",
  "openid.oa2.scope": "device_auth_access",
} as const satisfies Record<string, string>;

/** `client_id` is hex of `{serial}#{device_type}`; returns that pair or null. */
export function decodeClientId(clientId: string): { serial: string; deviceType: string } | null {
  if (!/^([0-9a-f]{2})+$/.test(clientId)) return null;
  const match = Buffer.from(clientId, "hex")
    .toString("latin1")
    .match(/^([0-9A-Za-z]+)#(A[0-9A-Z]{5,})$/);
  if (!match?.[1] || !match[2]) return null;
  return { serial: match[1], deviceType: match[2] };
}

export function validateSignInQuery(query: URLSearchParams, locale: AudibleLocale): string[] {
  const errors: string[] = [];
  for (const [key, value] of Object.entries(REQUIRED_VALUES)) {
    if (query.get(key) !== value) errors.push(`${key} must be ${value}`);
  }
  if (!/^[A-Za-z0-9_-]{43}$/.test(query.get("openid.oa2.code_challenge") ?? "")) {
    errors.push("openid.oa2.code_challenge must be a base64url SHA-256 digest (43 chars, no padding)");
  }
  const clientId = query.get("openid.oa2.client_id") ?? "";
  if (!clientId.startsWith("device:") || !decodeClientId(clientId.slice("device:".length))) {
    errors.push("openid.oa2.client_id must be device:{hex of serial#device_type}");
  }
  if (!query.get("openid.return_to")) errors.push("openid.return_to is required");
  if (!(query.get("openid.assoc_handle") ?? "").startsWith("amzn_audible_"))
    errors.push("openid.assoc_handle must be amzn_audible_*");
  if (!query.get("pageId")) errors.push("pageId is required");
  if (query.get("marketPlaceId") !== locale.marketplaceId) {
    errors.push(`marketPlaceId must be ${locale.marketplaceId} on amazon.${locale.domain}`);
  }
  return errors;
}
